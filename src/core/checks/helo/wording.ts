import { heloSetting } from '../../advice/helo-setting.js';
import { providerName } from '../../advice/provider.js';
import { transientAdvice } from '../../advice/transient.js';
import { canonicalName } from '../../hostnames/canonical.js';
import type { HostnameVerdict } from '../../hostnames/judge.js';
import { addressTypeOf, type ForwardLookup } from '../../lookups/forward.js';
import type { CheckContext, Severity } from '../types.js';
import type { IprevEvaluation } from '../iprev/evaluate.js';
import type { HeloResult, HeloSteps } from './steps.js';

// Words for the HELO steps: the one-line summary, the explanation, the advice.

export function severityOf(result: HeloResult, steps: HeloSteps, verdict: HostnameVerdict): Severity {
  switch (result) {
    case 'pass':
      return 'ok';
    case 'permerror':
      return verdict.problem === 'address-literal' ? 'warning' : 'error';
    case 'fail':
      return steps.resolves.result === 'fail' ? 'error' : 'warning';
    case 'temperror':
      return 'warning';
    default:
      return 'info';
  }
}

export function summaryOf(helo: string, result: HeloResult, steps: HeloSteps): string {
  const firstFail = Object.values(steps).find((s) => s.result === 'fail');
  switch (result) {
    case 'pass':
      return `HELO ${helo}: public name, resolves to the connecting IP, same as the PTR name`;
    case 'permerror':
      return `HELO ${helo} is not a public host name`;
    case 'fail':
      return `HELO ${helo}: ${firstFail!.detail}`;
    case 'temperror':
      return `HELO ${helo} could not be fully checked (temperror)`;
    default:
      return `HELO ${helo}: partly checked`;
  }
}

export function explanationOf(helo: string, result: HeloResult, steps: HeloSteps): string {
  const why: Record<string, string> = {
    pass: `Receivers that check the HELO name find ${helo} in public DNS, pointing at the connecting IP and agreeing with its PTR record.`,
    permerror: `${steps.syntax.detail}. A sending server must announce a public name in HELO/EHLO; receivers that check it (Postfix's reject_non_fqdn_helo_hostname and reject_unknown_helo_hostname, many spam filters) refuse or score mail from a name they cannot look up.`,
    fail: 'Receivers compare the HELO name with DNS: a name that does not resolve, resolves elsewhere, or differs from the PTR name makes the server look like a misconfigured or infected machine, and some mail will be refused or junked.',
    temperror: 'A lookup needed to answer one of the questions got no usable answer; asking again later may give a verdict.',
  };
  return why[result] ?? 'Some of the questions could not apply to this hop; the steps say which and why.';
}

/** The HELO name's own lookups first; the PTR lookup, read from iprev, only when they answered. */
export function temperrorAdvice(
  ctx: Pick<CheckContext, 'resolver' | 'software'>,
  name: string,
  lookups: ForwardLookup[] | null,
  iprev: IprevEvaluation | null,
): string[] {
  const failed = lookups?.find((l) => l.transient);
  if (failed) return transientAdvice(failed, ctx.resolver.label, { zone: name, owner: `whoever runs the DNS of ${name}` });
  const e = iprev;
  if (!e) return [];
  return transientAdvice({ name: e.reverseName, type: 'PTR', ...e.ptrLookup }, ctx.resolver.label, {
    zone: `the reverse zone of ${e.ip}`,
    owner: `whoever holds the reverse zone of ${e.ip} (see the reverse DNS result)`,
  });
}

export function adviceOf(
  ctx: Pick<CheckContext, 'resolver' | 'software'>,
  helo: string,
  ip: string | null,
  result: HeloResult,
  steps: HeloSteps,
  iprev: IprevEvaluation | null,
): string[] {
  if (result !== 'fail' && result !== 'permerror') return [];
  const provider = providerName(ctx.software);
  if (provider) {
    return [
      `${provider} sets the HELO name of its sending servers: nothing for you to change. If the message did not really leave through ${provider}, check which hop is the origin.`,
    ];
  }
  const name = canonicalName(helo);
  const suggestion = iprev?.matchedName ?? iprev?.ptrNames[0] ?? (steps.syntax.result === 'pass' ? name : 'mail.<your domain>');
  const where = ip ?? 'the sending IP';
  const record = ip ? addressTypeOf(ip) : 'A';
  const advice: string[] = [];
  if (steps.syntax.result === 'fail') {
    advice.push(`Make the server announce a public name that has an ${record} record for ${where} and is its PTR name: ${suggestion}.`);
  } else if (steps.resolves.result === 'fail' || steps.includesIp.result === 'fail') {
    advice.push(
      suggestion === name
        ? `Publish an ${record} record ${name} → ${where}.`
        : `Either publish an ${record} record ${name} → ${where}, or make the server announce ${suggestion}, which already has both records.`,
    );
  } else if (steps.matchesPtr.result === 'fail') {
    advice.push(
      iprev?.ptrNames.length
        ? `Make the HELO name and the PTR name the same: announce ${suggestion}, or have the PTR of ${where} changed to ${name} (by whoever holds its reverse zone).`
        : `Have a PTR record ${where} → ${name} added by whoever holds the reverse zone (see the reverse DNS result).`,
    );
  }
  if (suggestion !== name || steps.syntax.result === 'fail') advice.push(...(heloSetting(ctx.software, suggestion) ?? []));
  return advice;
}
