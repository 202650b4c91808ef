/**
 * What Gmail, Yahoo and Outlook.com publish that they require of senders: the one table to
 * update when a provider changes its page. docs/providers.md describes it line by line, with
 * where each list is published and when it was read.
 *
 * A provider lists a requirement here only when its own page says it. What Hoplens can judge
 * from one message is a `RequirementId` (evaluate.ts holds how each is judged); what no message
 * can show (spam rates, how fast unsubscribes are honoured) is in `notInMessage`, so the
 * checklist can say it exists without pretending to check it.
 */

/** Who the rule applies to: every sender, or bulk senders on top of that. */
export type Tier = 'all' | 'bulk';

/** One thing a message can show, judged the same way for every provider that requires it. */
export type RequirementId =
  | 'ptr'
  | 'spf-or-dkim'
  | 'spf-pass'
  | 'dkim-pass'
  | 'dmarc-record'
  | 'dmarc-pass'
  | 'tls'
  | 'rfc5322'
  | 'not-provider-from'
  | 'one-click-unsubscribe';

export type ProviderId = 'gmail' | 'yahoo' | 'outlook';

export interface Requirement {
  id: RequirementId;
  tier: Tier;
  /** The requirement as the provider states it, in brief. */
  text: string;
}

export interface ProviderRequirements {
  id: ProviderId;
  name: string;
  /** The provider's own mailbox domains: a From: there is the provider's to send. */
  ownDomains: readonly string[];
  /** Who counts as a bulk sender, in the provider's terms. */
  bulkSenders: string;
  /** Where the list is published and when Hoplens' copy of it was read. */
  source: { title: string; url: string; read: string };
  requirements: readonly Requirement[];
  /** Requirements of the same page that a message cannot show. */
  notInMessage: readonly { tier: Tier; text: string }[];
}

/**
 * Each requirement's names: `name` for the one-line summary ("bulk: DMARC record missing"),
 * `label` for the checklist's row.
 */
export const REQUIREMENT_NAMES: Readonly<Record<RequirementId, { name: string; label: string }>> = {
  ptr: { name: 'reverse DNS', label: 'Forward-confirmed reverse DNS of the sending IP' },
  'spf-or-dkim': { name: 'SPF or DKIM', label: 'SPF or DKIM passes' },
  'spf-pass': { name: 'SPF', label: 'SPF passes' },
  'dkim-pass': { name: 'DKIM', label: 'DKIM passes' },
  'dmarc-record': { name: 'DMARC record', label: 'A DMARC record exists' },
  'dmarc-pass': { name: 'DMARC alignment', label: 'SPF or DKIM aligned with From (DMARC pass)' },
  tls: { name: 'TLS', label: 'TLS on the hop into the receiver' },
  rfc5322: { name: 'RFC 5322 fields', label: 'One From, one Date, one Message-ID (RFC 5322 §3.6)' },
  'not-provider-from': { name: 'own From domain', label: "From not in the provider's own domains" },
  'one-click-unsubscribe': { name: 'one-click unsubscribe', label: 'One-click unsubscribe (RFC 8058)' },
};

const READ = '2026-12-01 from a stored copy (docs/providers.md says which)';

export const PROVIDERS: readonly ProviderRequirements[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    ownDomains: ['gmail.com', 'googlemail.com'],
    bulkSenders: 'senders of more than 5,000 messages a day to personal Gmail accounts',
    source: { title: 'Email sender guidelines (Google Workspace Admin Help)', url: 'https://support.google.com/a/answer/81126', read: READ },
    requirements: [
      { id: 'spf-or-dkim', tier: 'all', text: 'Set up SPF or DKIM email authentication for your domain' },
      { id: 'ptr', tier: 'all', text: 'Sending IPs have valid forward and reverse DNS (PTR) records' },
      { id: 'tls', tier: 'all', text: 'Use a TLS connection for transmitting email' },
      { id: 'rfc5322', tier: 'all', text: 'Format messages according to RFC 5322' },
      { id: 'not-provider-from', tier: 'all', text: "Don't impersonate Gmail From: headers" },
      { id: 'spf-pass', tier: 'bulk', text: 'Set up SPF email authentication for your domain' },
      { id: 'dkim-pass', tier: 'bulk', text: 'Set up DKIM email authentication for your domain' },
      { id: 'dmarc-record', tier: 'bulk', text: 'Set up DMARC for your sending domain (the policy may be none)' },
      { id: 'dmarc-pass', tier: 'bulk', text: 'The From: domain aligns with the SPF or the DKIM domain (DMARC alignment)' },
      { id: 'one-click-unsubscribe', tier: 'bulk', text: 'Marketing and subscribed messages support one-click unsubscribe (RFC 8058)' },
    ],
    notInMessage: [
      { tier: 'all', text: 'Keep the spam rate reported in Postmaster Tools below 0.3%' },
      { tier: 'all', text: 'Forwarders and mailing lists add ARC headers (and lists a List-Id:)' },
      { tier: 'bulk', text: 'A clearly visible unsubscribe link in the message body; unsubscribes honoured within 2 days' },
    ],
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    ownDomains: ['yahoo.com', 'aol.com'],
    bulkSenders: 'senders of a significant volume (Yahoo publishes no number)',
    source: { title: 'Sender Best Practices (Yahoo Sender Hub)', url: 'https://senders.yahooinc.com/best-practices/', read: READ },
    requirements: [
      { id: 'spf-or-dkim', tier: 'all', text: 'Authenticate your mail with SPF or DKIM at a minimum' },
      { id: 'ptr', tier: 'all', text: 'Sending domains or IPs have valid forward and reverse DNS records' },
      { id: 'rfc5322', tier: 'all', text: 'Comply with RFC 5321 and RFC 5322' },
      { id: 'spf-pass', tier: 'bulk', text: 'Implement SPF' },
      { id: 'dkim-pass', tier: 'bulk', text: 'Implement DKIM' },
      { id: 'dmarc-record', tier: 'bulk', text: 'Publish a valid DMARC policy (at least p=none)' },
      { id: 'dmarc-pass', tier: 'bulk', text: 'DMARC passes (relaxed alignment is enough)' },
      { id: 'one-click-unsubscribe', tier: 'bulk', text: 'Support one-click unsubscribe (RFC 8058) for marketing mail' },
    ],
    notInMessage: [
      { tier: 'all', text: 'Keep the spam rate below 0.3%' },
      { tier: 'bulk', text: 'A clearly visible unsubscribe link in the message body; unsubscribes honoured within 2 days' },
    ],
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    ownDomains: ['outlook.com', 'hotmail.com', 'live.com'],
    bulkSenders: 'domains sending more than 5,000 messages a day to Outlook.com consumer addresses (since 5 May 2025)',
    source: {
      title: "Strengthening Email Ecosystem: Outlook's New Requirements for High-Volume Senders (Microsoft Defender for Office 365 blog)",
      url: 'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/',
      read: READ,
    },
    requirements: [
      { id: 'spf-pass', tier: 'bulk', text: 'SPF must pass for the sending domain' },
      { id: 'dkim-pass', tier: 'bulk', text: 'DKIM must pass' },
      { id: 'dmarc-record', tier: 'bulk', text: 'DMARC at least p=none' },
      { id: 'dmarc-pass', tier: 'bulk', text: 'DMARC aligned with SPF or DKIM (preferably both)' },
    ],
    notInMessage: [
      {
        tier: 'bulk',
        text: 'Recommended, not required: valid From and Reply-To addresses, a working unsubscribe link, list hygiene, transparent mailing practices',
      },
    ],
  },
];
