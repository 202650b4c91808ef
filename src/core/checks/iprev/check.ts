import { recordingResolver } from '../../dns/evidence.js';
import { classifyIp, isCheckable, normalizeIp } from '../../net/ip.js';
import type { IpClass } from '../../net/types.js';
import type { Hop } from '../../route/types.js';
import { inCompletionOrder } from '../../completion-order.js';
import { hopsOutward } from '../../route/outward.js';
import { countOf } from '../../text/plural.js';
import { notChecked } from '../not-checked.js';
import { labelled, senderHops } from '../senders.js';
import type { Check, CheckContext, NotChecked, Verdict } from '../types.js';
import { whyNotChecked } from '../../net/class-words.js';
import { checkIprev, type IprevEvaluation, type IprevResult } from './evaluate.js';
import { adviceOf, explanationOf, severityOf, summaryOf, type IprevSubject } from './wording.js';

/**
 * Hop IPs checked besides the origin's. A real route has a handful of hops; MTAs refuse a
 * message with more Received fields than about this many as a loop (RFC 5321 §6.3: Postfix's
 * hopcount_limit is 50, Exim's received_headers_max 30, Sendmail's MaxHopCount 25). Past it the
 * rest are attacker-written stuffing (issue 11): each would cost two or more DNS questions.
 */
export const MAX_OTHER_HOPS = 20;

/** The hop IPs beyond MAX_OTHER_HOPS, farthest from the origin, not sent to DNS. */
export interface IprevLeftOut {
  /** Distinct hop IPs not checked. */
  ipsLeftOut: number;
  /** The cap they are beyond. */
  maxOtherHops: number;
}

/**
 * An iprev result: RFC 8601 §3's word with the whole evaluation, why the IP was not sent to DNS,
 * or how many hop IPs were left out past the cap.
 */
export type IprevCheckResult =
  | Verdict<'iprev', IprevResult, IprevEvaluation>
  | NotChecked<'iprev', { ip: string; ipClass: IpClass | null }>
  | NotChecked<'iprev', IprevLeftOut>;

/**
 * Reverse DNS (iprev, RFC 8601 §3) of the senders' IPs (the origin's, and a forward's original
 * sender's) and of the MAX_OTHER_HOPS hop IPs nearest the origin; one result counts the rest.
 */
export const iprevCheck: Check<'iprev', IprevCheckResult> = {
  name: 'iprev',
  meta: {
    label: 'Reverse DNS (iprev)',
    shortLabel: 'reverse DNS',
    summaryRank: 0,
    section: 'checks',
    locale: { label: 'check_iprev', shortLabel: 'check_short_iprev' },
  },
  after: [],
  async *run(ctx) {
    const tasks: Promise<IprevCheckResult>[] = [];
    const skipped: IprevCheckResult[] = [];
    const { subjects, ipsLeftOut } = subjectsOf(ctx);
    for (const subject of subjects) {
      const cls = subject.hop.ipClass ?? classifyIp(subject.ip);
      if (isCheckable(cls)) tasks.push(checkSubject(subject, ctx));
      else skipped.push(unchecked(subject, whyNotChecked(subject.ip, cls)));
    }
    yield* skipped;
    if (ipsLeftOut > 0) yield leftOut(ipsLeftOut, ctx.origin !== null);
    yield* inCompletionOrder(tasks);
  },
};

/**
 * The senders' IPs first (the origin's, then a forward's original sender's), then the other hop
 * IPs from the origin outward, each once, up to MAX_OTHER_HOPS of them; the count of distinct IPs beyond.
 */
function subjectsOf(ctx: CheckContext): { subjects: IprevSubject[]; ipsLeftOut: number } {
  const subjects: IprevSubject[] = [];
  const seen = new Set<string>();
  let others = 0;
  let ipsLeftOut = 0;
  const add = (hop: Hop): string | null => {
    const ip = hop.received.ip === null ? null : normalizeIp(hop.received.ip);
    if (ip === null || seen.has(ip)) return null;
    seen.add(ip);
    return ip;
  };
  for (const { hop, role, software } of senderHops(ctx)) {
    const ip = add(hop);
    if (ip !== null) subjects.push({ ip, hop, role, software });
  }
  for (const hop of hopsOutward(ctx.analysis.route.hops, ctx.origin?.index ?? null)) {
    const ip = add(hop);
    if (ip === null) continue;
    if (others++ < MAX_OTHER_HOPS) subjects.push({ ip, hop, role: null, software: null });
    else ipsLeftOut++;
  }
  return { subjects, ipsLeftOut };
}

async function checkSubject(subject: IprevSubject, ctx: CheckContext): Promise<IprevCheckResult> {
  const recorder = recordingResolver(ctx.resolver);
  const evaluation = await checkIprev(subject.ip, recorder, { signal: ctx.signal });
  return {
    check: 'iprev',
    subject: subject.ip,
    result: evaluation.result,
    severity: severityOf(evaluation.result, subject.role),
    summary: labelled(subject.role, subject.hop, summaryOf(evaluation)),
    explanation: explanationOf(evaluation, subject.role),
    advice: adviceOf(evaluation, subject, ctx.resolver.label),
    hopIndex: subject.hop.index,
    details: evaluation,
    evidence: recorder.evidence,
  };
}

function leftOut(ipsLeftOut: number, hasOrigin: boolean): IprevCheckResult {
  const ips = countOf(ipsLeftOut, 'more hop IP', 'more hop IPs');
  const which = hasOrigin ? `only the sender's and the ${MAX_OTHER_HOPS} hop IPs nearest it` : `only the ${MAX_OTHER_HOPS} newest hop IPs`;
  return notChecked('iprev', {
    subject: '-',
    severity: 'warning',
    summary: `Reverse DNS not checked for ${ips}: more than ${MAX_OTHER_HOPS} other hops`,
    explanation: `${ips} of this route were not sent to DNS: Hoplens checks ${which}. A real route has a handful of hops, and MTAs refuse a message with more than 25 to 50 Received fields as a mail loop (RFC 5321 §6.3): this many is a sign that Received fields were added to make a checker slow or to hide the real sender among them.`,
    hopIndex: null,
    details: { ipsLeftOut, maxOtherHops: MAX_OTHER_HOPS },
  });
}

function unchecked(subject: IprevSubject, why: string): IprevCheckResult {
  return notChecked('iprev', {
    subject: subject.ip,
    severity: subject.role !== null ? 'warning' : 'info',
    summary: labelled(subject.role, subject.hop, `${subject.ip}: reverse DNS not checked`),
    explanation: why,
    advice:
      subject.role === 'sender'
        ? [
            'The hop chosen as the origin carries an address no receiver on the Internet sees. The message reached the Internet at a later hop: pick the first hop with a public IP as the origin.',
          ]
        : [],
    hopIndex: subject.hop.index,
    details: { ip: subject.ip, ipClass: subject.hop.ipClass },
  });
}
