import { recordingResolver } from '../../dns/evidence.js';
import { classifyIp, isCheckable, normalizeIp } from '../../net/ip.js';
import type { IpClass } from '../../net/types.js';
import { inCompletionOrder } from '../../completion-order.js';
import { notChecked } from '../not-checked.js';
import type { Check, CheckContext, NotChecked, Verdict } from '../types.js';
import { whyNotChecked } from '../unchecked-ip.js';
import { checkIprev, type IprevEvaluation, type IprevResult } from './evaluate.js';
import { adviceOf, explanationOf, severityOf, summaryOf, type IprevSubject } from './wording.js';

/** An iprev result: RFC 8601 §3's word with the whole evaluation, or why the IP was not sent to DNS. */
export type IprevCheckResult = Verdict<'iprev', IprevResult, IprevEvaluation> | NotChecked<'iprev', { ip: string; ipClass: IpClass | null }>;

/** Reverse DNS (iprev, RFC 8601 §3) of every hop IP, the origin's first. */
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
    for (const subject of subjectsOf(ctx)) {
      const cls = subject.hop.ipClass ?? classifyIp(subject.ip);
      if (isCheckable(cls)) tasks.push(checkSubject(subject, ctx));
      else skipped.push(unchecked(subject, whyNotChecked(subject.ip, cls)));
    }
    yield* skipped;
    yield* inCompletionOrder(tasks);
  },
};

/** The origin's IP first, then every other hop IP in travel order, each once. */
function subjectsOf(ctx: CheckContext): IprevSubject[] {
  const subjects: IprevSubject[] = [];
  const seen = new Set<string>();
  const hops = ctx.origin ? [ctx.origin, ...ctx.analysis.route.hops] : ctx.analysis.route.hops;
  for (const hop of hops) {
    const ip = hop.received.ip === null ? null : normalizeIp(hop.received.ip);
    if (ip === null || seen.has(ip)) continue;
    seen.add(ip);
    subjects.push({ ip, hop, isOrigin: hop === ctx.origin });
  }
  return subjects;
}

async function checkSubject(subject: IprevSubject, ctx: CheckContext): Promise<IprevCheckResult> {
  const recorder = recordingResolver(ctx.resolver);
  const evaluation = await checkIprev(subject.ip, recorder, { signal: ctx.signal });
  return {
    check: 'iprev',
    subject: subject.ip,
    result: evaluation.result,
    severity: severityOf(evaluation.result, subject.isOrigin),
    summary: summaryOf(evaluation),
    explanation: explanationOf(evaluation, subject.isOrigin),
    advice: adviceOf(evaluation, subject, ctx.software, ctx.resolver.label),
    hopIndex: subject.hop.index,
    details: evaluation,
    evidence: recorder.evidence,
  };
}

function unchecked(subject: IprevSubject, why: string): IprevCheckResult {
  return notChecked('iprev', {
    subject: subject.ip,
    severity: subject.isOrigin ? 'warning' : 'info',
    summary: `${subject.ip}: reverse DNS not checked`,
    explanation: why,
    advice: subject.isOrigin
      ? [
          'The hop chosen as the origin carries an address no receiver on the Internet sees. The message reached the Internet at a later hop: pick the first hop with a public IP as the origin.',
        ]
      : [],
    hopIndex: subject.hop.index,
    details: { ip: subject.ip, ipClass: subject.hop.ipClass },
  });
}
