import { recordingResolver } from '../../dns/evidence.js';
import { canonicalName } from '../../hostnames/canonical.js';
import { judgeHostname } from '../../hostnames/judge.js';
import { lookupAddresses } from '../../lookups/forward.js';
import { normalizeIp } from '../../net/ip.js';
import { iprevCheck } from '../iprev/check.js';
import type { IprevEvaluation } from '../iprev/evaluate.js';
import { perSubject } from '../per-subject.js';
import { notChecked } from '../not-checked.js';
import { labelled, originalSenderNote, senderHops, type SenderHop } from '../senders.js';
import { NOT_CHECKED, type Check, type CheckContext, type NotChecked, type Verdict } from '../types.js';
import { includesIpStep, matchesPtrStep, resolvesStep, resultOf, syntaxStep, type HeloResult, type HeloStep, type HeloSteps } from './steps.js';
import { adviceOf, explanationOf, severityOf, summaryOf, temperrorAdvice } from './wording.js';

export interface HeloDetails {
  helo: string;
  /** The origin hop's connecting IP, normalised; null when it records none. */
  ip: string | null;
  /** The four questions, in order. */
  steps: HeloStep[];
  /** The HELO name's A and AAAA records. */
  addresses: string[];
}

export type HeloCheckResult = Verdict<'helo', HeloResult, HeloDetails> | NotChecked<'helo', { helo: null; steps: [] }>;

type After = readonly [typeof iprevCheck];

/**
 * The origin hop's HELO/EHLO name (and, for a forward, the original sender's), asked four questions in order: is it a fully qualified
 * public host name, does it resolve (A/AAAA), do its addresses include the connecting IP, is
 * it a PTR name of that IP (read from the iprev result, not asked again).
 *
 * The result word, strongest first:
 * - permerror: not a public host name at all (address literal, bare address, single label,
 *   a private suffix such as .local, bad syntax). No DNS can fix it, only the HELO setting.
 * - fail: a public name, but DNS does not resolve it, does not give it the connecting IP, or
 *   it is not the IP's PTR name.
 * - temperror: a lookup one of the questions needs got no usable answer.
 * - not-checked: a question could not apply (no connecting IP, or its iprev was not run).
 * - pass: all four questions answered yes.
 */
export const heloCheck: Check<'helo', HeloCheckResult, After> = {
  name: 'helo',
  meta: {
    label: 'HELO/EHLO name',
    shortLabel: 'HELO',
    summaryRank: 1,
    section: 'checks',
    locale: { label: 'check_helo', shortLabel: 'check_short_helo' },
  },
  after: [iprevCheck],
  async *run(ctx) {
    yield* perSubject(
      senderHops(ctx),
      () => notRecorded(null),
      (sender) => checkHelo(ctx, sender),
    );
  },
};

async function checkHelo(ctx: CheckContext<After>, sender: SenderHop): Promise<HeloCheckResult> {
  const { hop: origin, role } = sender;
  const helo = origin.received.helo;
  if (helo === null) return notRecorded(sender);
  const ip = origin.received.ip === null ? null : normalizeIp(origin.received.ip);
  const recorder = recordingResolver(ctx.resolver);
  const verdict = judgeHostname(helo);
  const name = canonicalName(helo);
  const lookups = verdict.ok
    ? await Promise.all([lookupAddresses(name, 'A', recorder, ctx.signal), lookupAddresses(name, 'AAAA', recorder, ctx.signal)])
    : null;
  const iprev = ip === null ? null : iprevOf(ctx, ip);
  const steps: HeloSteps = {
    syntax: syntaxStep(helo, verdict),
    resolves: resolvesStep(name, lookups),
    includesIp: includesIpStep(name, ip, lookups),
    matchesPtr: matchesPtrStep(name, ip, verdict, iprev),
  };
  const result = resultOf(steps);
  const words = { resolver: ctx.resolver, software: sender.software };
  const explanation = explanationOf(helo, result, steps);
  return {
    check: 'helo',
    subject: helo,
    result,
    severity: severityOf(result, steps, verdict),
    summary: labelled(role, origin, summaryOf(helo, result, steps)),
    explanation: role === 'sender' ? explanation : `${originalSenderNote(origin)} ${explanation}`,
    advice: result === 'temperror' ? temperrorAdvice(words, name, lookups, iprev) : adviceOf(words, helo, ip, result, steps, iprev),
    hopIndex: origin.index,
    details: { helo, ip, steps: Object.values(steps), addresses: lookups?.flatMap((l) => l.addresses) ?? [] },
    evidence: recorder.evidence,
  };
}

function notRecorded(sender: SenderHop | null): HeloCheckResult {
  const why =
    sender === null
      ? 'No origin hop was found, so there is no HELO name to check.'
      : 'The receiver did not record the HELO/EHLO name in its Received header (Gmail, for one, writes only the by clause), so there is nothing to check.';
  const summary = 'HELO name not checked: not recorded';
  return notChecked('helo', {
    subject: sender?.hop.received.ip ?? '',
    summary: sender ? labelled(sender.role, sender.hop, summary) : summary,
    explanation: why,
    hopIndex: sender?.hop.index ?? null,
    details: { helo: null, steps: [] },
  });
}

/** The iprev evaluation of the connecting IP; null when iprev did not evaluate it. */
function iprevOf(ctx: CheckContext<After>, ip: string): IprevEvaluation | null {
  const found = ctx.earlier.find((r) => r.subject === ip);
  return found === undefined || found.result === NOT_CHECKED ? null : found.details;
}
