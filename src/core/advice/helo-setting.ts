import type { SenderSoftware } from '../software/detect.js';

/**
 * Where the outgoing HELO/EHLO name is set, in the sending software's own terms. `name` is
 * the name to set. Null for hosted services, where the provider sets it and the
 * administrator cannot.
 */
export function heloSetting(software: SenderSoftware | null, name: string): string[] | null {
  switch (software) {
    case 'exchange':
      return [
        `Exchange 2007 and later: set the Send Connector's FQDN, in the Exchange Management Shell: Set-SendConnector -Identity "<send connector name>" -Fqdn ${name} (Get-SendConnector lists the names; set it on every connector that sends to the Internet).`,
        `Exchange 2000/2003: Virtual SMTP Server → Properties → Delivery → Advanced → Fully-qualified domain name: ${name}.`,
      ];
    case 'postfix':
      return [
        `Postfix: in main.cf set smtp_helo_name = ${name} (it defaults to myhostname, so setting myhostname = ${name} also works), e.g. postconf -e 'smtp_helo_name = ${name}' && postfix reload.`,
      ];
    case 'exim':
      return [
        `Exim: on the smtp transport set helo_data = ${name} (it defaults to primary_hostname, so primary_hostname = ${name} in the main section also works), then restart Exim.`,
      ];
    case 'sendmail':
      return [
        `Sendmail: in sendmail.mc add define(\`confDOMAIN_NAME', \`${name}')dnl and rebuild sendmail.cf (or set Dj${name} in sendmail.cf), then restart Sendmail.`,
      ];
    case 'microsoft365':
    case 'google-workspace':
      return null;
    case 'other':
    case null:
      return [
        `Set the sending server's HELO/EHLO name to ${name}. Exchange: Set-SendConnector -Fqdn; Postfix: smtp_helo_name in main.cf; Exim: helo_data on the smtp transport; Sendmail: confDOMAIN_NAME; for a smart host or appliance, see its documentation.`,
      ];
  }
}
