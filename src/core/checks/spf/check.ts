import { recordingResolver } from '../../dns/evidence.js';
import { perSubject } from '../per-subject.js';
import { isCheckable } from '../../net/ip.js';
import { envelopeOf, type Envelope } from '../envelope.js';
import { notChecked } from '../not-checked.js';
import { labelled, originalSenderNote, senderHops, type SenderHop } from '../senders.js';
import type { Check, CheckContext, NotChecked, Severity, Verdict } from '../types.js';
import { whyNotChecked } from '../../net/class-words.js';
import { spfAdvice } from './advice.js';
import { checkSpf } from './check-spf.js';
import type { SpfEvaluation, SpfResult } from './types.js';

/** What an SPF result carries: the evaluation, and the identity it was asked about. */
export interface SpfDetails extends Omit<SpfEvaluation, 'result' | 'reason'> {
  /** The client IP evaluated: the origin hop's (or the original sender's, for its result). */
  ip: string;
  helo: string | null;
  /** The MAIL FROM identity checked ("" for the null sender, then the HELO identity is checked). */
  mailFrom: string;
  /**
   * Where the envelope sender came from: the receiver's Return-Path, the origin hop's Received
   * header, or, when neither says, the From: domain as a stand-in (not an envelope sender, so
   * DMARC does not align it).
   */
  mailFromSource: Envelope['source'];
}

export type SpfCheckResult = Verdict<'spf', SpfResult, SpfDetails> | NotChecked<'spf'>;

const SEVERITY: Readonly<Record<SpfResult, Severity>> = {
  pass: 'ok',
  none: 'warning',
  neutral: 'warning',
  softfail: 'warning',
  fail: 'error',
  permerror: 'error',
  temperror: 'warning',
};

/** What receivers do with each result, said once in the explanation. */
const RECEIVERS: Readonly<Record<SpfResult, string | null>> = {
  pass: null,
  none: "Without an SPF record receivers cannot tell the domain's servers from forgers; many score or refuse such mail.",
  neutral: 'Receivers treat neutral like no SPF at all.',
  softfail: 'Most receivers accept the mail but score it as suspicious.',
  fail: 'Receivers that enforce SPF reject the mail.',
  permerror: 'Receivers treat a record they cannot evaluate as broken: many reject or score the mail as if SPF failed.',
  temperror: 'A temperror is transient (RFC 7208 §2.6.6): a receiver that meets one defers the mail and retries later.',
};

/**
 * SPF (RFC 7208) of the origin hop's IP for the envelope sender, or the HELO name for a null
 * sender; for a forward, also of the original sender's hop for the original envelope sender.
 */
export const spfCheck: Check<'spf', SpfCheckResult> = {
  name: 'spf',
  meta: {
    label: 'SPF',
    shortLabel: 'SPF',
    summaryRank: 2,
    section: 'checks',
    locale: { label: 'check_spf', shortLabel: 'check_short_spf' },
  },
  after: [],
  async *run(ctx) {
    yield* perSubject(
      senderHops(ctx),
      () => unchecked(ctx.analysis.route.originMissingReason ?? 'no hop was found where the message entered the receiving side', null, ''),
      (sender) => runSpf(ctx, sender),
    );
  },
};

async function runSpf(ctx: CheckContext, sender: SenderHop): Promise<SpfCheckResult> {
  const { hop: origin, role } = sender;
  const which = role === 'sender' ? 'the origin hop' : "the original sender's hop";
  const skip = (reason: string, subject: string) => unchecked(reason, origin.index, subject, sender);
  const ip = origin.received.ip;
  if (ip === null) return skip(`${which} (hop ${origin.index + 1}) recorded no IP address`, '');
  if (origin.ipClass !== null && !isCheckable(origin.ipClass)) return skip(whyNotChecked(ip, origin.ipClass), ip);

  const helo = origin.received.helo;
  const envelope = envelopeOf(ctx, sender.hop);
  if (envelope === null || (envelope.mailFrom === '' && helo === null)) {
    const why = envelope === null ? 'no envelope sender (Return-Path, Received envelope-from or From:)' : 'the null sender (<>)';
    return skip(`the message has ${why} and ${which} recorded no HELO name, so there is no identity to check`, ip);
  }

  const resolver = recordingResolver(ctx.resolver);
  const evaluation = await checkSpf({ ip, mailFrom: envelope.mailFrom, helo: helo ?? '' }, resolver, { signal: ctx.signal });
  const explanation = [
    role === 'sender' ? null : originalSenderNote(origin),
    envelope.note,
    evaluation.identity === 'helo'
      ? `The envelope sender is empty (a bounce or notification), so SPF checks the HELO name ${helo} as postmaster@${helo} (RFC 7208 §2.3).`
      : null,
    `SPF of ${evaluation.domain} for ${ip}: ${evaluation.reason}.`,
    RECEIVERS[evaluation.result],
    evaluation.explanation !== null ? `The domain's own explanation: "${evaluation.explanation}"` : null,
  ]
    .filter((s): s is string => s !== null)
    .join(' ');
  return {
    check: 'spf',
    subject: evaluation.domain,
    result: evaluation.result,
    severity: SEVERITY[evaluation.result],
    summary: labelled(role, origin, summaryOf(evaluation, ip)),
    explanation,
    advice: spfAdvice(evaluation, ip, sender.software, ctx.resolver.label),
    hopIndex: origin.index,
    details: {
      domain: evaluation.domain,
      identity: evaluation.identity,
      ip,
      helo,
      mailFrom: envelope.mailFrom,
      mailFromSource: envelope.source,
      record: evaluation.record,
      mechanism: evaluation.mechanism,
      lookups: evaluation.lookups,
      voidLookups: evaluation.voidLookups,
      trace: evaluation.trace,
      explanation: evaluation.explanation,
      problem: evaluation.problem,
    },
    evidence: resolver.evidence,
  };
}

function summaryOf(e: SpfEvaluation, ip: string): string {
  const who = e.identity === 'helo' ? `HELO ${e.domain}` : e.domain;
  switch (e.result) {
    case 'pass':
      return `SPF pass: ${ip} is allowed to send for ${who} (${e.mechanism})`;
    case 'fail':
      return `SPF fail: ${ip} is not allowed to send for ${who}${e.mechanism ? ` (${e.mechanism})` : ''}`;
    case 'softfail':
      return `SPF softfail: ${who} discourages mail from ${ip} (${e.mechanism})`;
    case 'neutral':
      return `SPF neutral: ${who} says nothing definite about ${ip}`;
    case 'none':
      return `SPF none: ${who} has no SPF record`;
    case 'permerror':
      return `SPF permerror: the SPF record of ${who} cannot be evaluated`;
    case 'temperror':
      return `SPF temperror: a DNS lookup for ${who} failed`;
  }
}

function unchecked(reason: string, hopIndex: number | null, subject: string, sender?: SenderHop): SpfCheckResult {
  const role = sender?.role ?? 'sender';
  return notChecked('spf', {
    subject,
    summary: sender ? labelled(role, sender.hop, 'SPF not checked') : 'SPF not checked',
    explanation: `SPF was not checked: ${reason}.`,
    hopIndex,
    details: {},
  });
}
