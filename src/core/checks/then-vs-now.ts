import { canonicalName } from '../dns/names.js';
import { normalizeIp } from '../net/ip.js';
import { identityDomain } from './identity-domain.js';
import type { IprevEvaluation } from './iprev.js';
import { NOT_CHECKED, type Check, type CheckContext, type CheckResult, type Severity } from './types.js';

/**
 * How a receiver's verdict at delivery compares with the live check of the same subject.
 * These are Hoplens' words, not an RFC's:
 * - same: the receiver recorded the result the live check gives now.
 * - differs: both sides gave a verdict, and they are not the same. DNS changed since delivery,
 *   an old answer was still cached somewhere (TTL), or the receiver saw another IP.
 * - not-comparable: one side has no verdict (not checked now, or a temperror on either side),
 *   or the receiver evaluated another IP than the one checked now.
 */
export type Comparison = 'same' | 'differs' | 'not-comparable';

/** One thing a receiver wrote down at delivery. */
interface Claim {
  kind: 'iprev' | 'spf' | 'rdns';
  /** The receiver that wrote it: authserv-id, Received-SPF receiver, or the Received by host. */
  receiver: string;
  source: 'Authentication-Results' | 'ARC-Authentication-Results' | 'Received-SPF' | 'Received';
  headerIndex: number;
  /** The verdict then: a result word, or for rdns the name recorded. */
  then: string;
  /** The IP the receiver evaluated; null when the header does not say. */
  ip: string | null;
  /** For spf: the domain evaluated. */
  domain: string | null;
  hopIndex: number | null;
}

interface Live {
  now: string;
  /** The live result, null when there is none for this subject. */
  result: CheckResult | null;
  /** Why the two cannot be compared, when they cannot. */
  blocker: string | null;
}

export const thenVsNowCheck: Check = {
  name: 'then-vs-now',
  after: ['iprev', 'spf', 'helo'],
  async *run(ctx) {
    for (const claim of claimsOf(ctx)) yield compare(claim, ctx);
  },
};

function claimsOf(ctx: CheckContext): Claim[] {
  const claims: Claim[] = [];
  for (const header of ctx.analysis.claims.authResults) {
    for (const entry of header.results) {
      const base = { receiver: header.authservId, source: header.source, headerIndex: header.headerIndex, then: entry.result.toLowerCase(), hopIndex: null };
      if (entry.method === 'iprev') {
        claims.push({ ...base, kind: 'iprev', ip: ipIn(entry.properties['policy.iprev'] ?? null), domain: null });
      } else if (entry.method === 'spf') {
        const mailFrom = identityDomain(entry.properties['smtp.mailfrom'] ?? null);
        const domain = mailFrom ?? identityDomain(entry.properties['smtp.helo'] ?? null);
        const designated = entry.comments.map((c) => /designates\s+(\S+)\s+as/i.exec(c)?.[1] ?? /client-ip=([^\s;]+)/i.exec(c)?.[1]).find(Boolean);
        claims.push({ ...base, kind: 'spf', ip: ipIn(designated ?? null), domain });
      }
    }
  }
  for (const spf of ctx.analysis.claims.receivedSpf) {
    const identityIsHelo = spf.identity?.toLowerCase() === 'helo';
    claims.push({
      kind: 'spf',
      receiver: spf.receiver ?? 'the receiver',
      source: 'Received-SPF',
      headerIndex: spf.headerIndex,
      then: spf.result.toLowerCase(),
      ip: ipIn(spf.clientIp),
      domain: identityIsHelo ? identityDomain(spf.helo) : (identityDomain(spf.envelopeFrom) ?? identityDomain(spf.helo)),
      hopIndex: null,
    });
  }
  for (const hop of ctx.analysis.route.hops) {
    const ip = ipIn(hop.received.ip);
    if (ip === null || hop.received.rdns === null) continue;
    if (!ctx.earlier.some((r) => r.check === 'iprev' && r.subject === ip)) continue;
    claims.push({
      kind: 'rdns',
      receiver: hop.received.by ?? 'the receiver',
      source: 'Received',
      headerIndex: hop.headerIndex,
      then: canonicalName(hop.received.rdns),
      ip,
      domain: null,
      hopIndex: hop.index,
    });
  }
  return claims;
}

function ipIn(text: string | null): string | null {
  return text === null ? null : normalizeIp(text);
}

function originIp(ctx: CheckContext): string | null {
  return ipIn(ctx.origin?.received.ip ?? null);
}

function liveOf(claim: Claim, ctx: CheckContext): Live {
  if (claim.kind === 'spf') {
    const live = ctx.earlier.find((r) => r.check === 'spf' && claim.domain !== null && (r.subject === claim.domain || r.details['domain'] === claim.domain));
    if (!live) return { now: 'not checked', result: null, blocker: `SPF was not checked now for ${claim.domain ?? 'the domain the receiver evaluated'}` };
    const liveIp = ipIn(typeof live.details['ip'] === 'string' ? live.details['ip'] : null) ?? originIp(ctx);
    if (claim.ip !== null && liveIp !== null && claim.ip !== liveIp) {
      return { now: live.result, result: live, blocker: `the receiver evaluated ${claim.ip}, the live check ${liveIp}` };
    }
    return { now: live.result, result: live, blocker: blockerOf(claim.then, live.result) };
  }
  const ip = claim.ip ?? originIp(ctx);
  const live = ip === null ? undefined : ctx.earlier.find((r) => r.check === 'iprev' && r.subject === ip);
  if (!live) return { now: 'not checked', result: null, blocker: `reverse DNS was not checked now for ${ip ?? 'the IP the receiver evaluated'}` };
  if (claim.kind === 'iprev') return { now: live.result, result: live, blocker: blockerOf(claim.then, live.result) };
  const evaluation = live.result === NOT_CHECKED ? null : (live.details as unknown as IprevEvaluation);
  if (evaluation === null) return { now: NOT_CHECKED, result: live, blocker: live.explanation };
  if (evaluation.result === 'temperror' && evaluation.ptrNames.length === 0) {
    return { now: 'temperror', result: live, blocker: 'the PTR lookup failed now (temperror)' };
  }
  const now = evaluation.ptrNames.length > 0 ? `PTR ${evaluation.ptrNames.join(', ')}` : 'no PTR';
  return { now, result: live, blocker: null };
}

function blockerOf(then: string, now: string): string | null {
  if (now === NOT_CHECKED) return 'the live check did not run for this subject';
  if (then === 'temperror' || now === 'temperror') return 'a transient DNS error on one side leaves nothing to compare';
  return null;
}

function compare(claim: Claim, ctx: CheckContext): CheckResult {
  const live = liveOf(claim, ctx);
  const subject = claim.kind === 'spf' ? (claim.domain ?? claim.ip ?? '') : (claim.ip ?? originIp(ctx) ?? '');
  const method = claim.kind === 'rdns' ? 'reverse DNS' : claim.kind;
  const thenText = claim.kind === 'rdns' ? `${claim.ip} as ${claim.then}` : `${claim.kind}=${claim.then}`;
  const comparison: Comparison =
    live.blocker !== null
      ? 'not-comparable'
      : claim.kind === 'rdns'
        ? (live.result!.details as unknown as IprevEvaluation).ptrNames.includes(claim.then)
          ? 'same'
          : 'differs'
        : claim.then === live.now
          ? 'same'
          : 'differs';
  const severity: Severity = comparison === 'same' ? 'ok' : comparison === 'differs' ? 'warning' : 'info';
  return {
    check: 'then-vs-now',
    subject,
    result: comparison,
    severity,
    summary: `At delivery ${claim.receiver} recorded ${thenText} (${claim.source}); now: ${live.now}`,
    explanation: explanationOf(claim, comparison, live, method),
    advice: comparison === 'differs' ? adviceOf(claim, live) : [],
    hopIndex: claim.hopIndex ?? live.result?.hopIndex ?? null,
    details: {
      kind: claim.kind,
      comparison,
      receiver: claim.receiver,
      source: claim.source,
      headerIndex: claim.headerIndex,
      then: claim.then,
      thenIp: claim.ip,
      domain: claim.domain,
      now: live.now,
      nowCheck: live.result ? { check: live.result.check, subject: live.result.subject, result: live.result.result } : null,
      reason: live.blocker,
    },
    evidence: [],
  };
}

function explanationOf(claim: Claim, comparison: Comparison, live: Live, method: string): string {
  const from = `${claim.source} header written by ${claim.receiver}`;
  switch (comparison) {
    case 'same':
      return `The ${from} gives the ${method} result the live check gives now: nothing changed since delivery.`;
    case 'differs': {
      const ipNote =
        claim.ip === null ? ' The header does not say which IP the receiver evaluated: it may have seen another hop than the origin checked here.' : '';
      return `The ${from} records ${claim.kind === 'rdns' ? `${claim.ip} as ${claim.then}` : `${method}=${claim.then}`}; the live check now gives ${live.now}. What the receiver saw at delivery is what decided this message's fate. Either ${recordsBehind(claim)} changed since, or the receiver still had an older answer cached (it keeps one for the record's TTL), or a change had not reached every server yet.${ipNote}`;
    }
    case 'not-comparable':
      return `The ${from} cannot be compared with the live check: ${live.blocker}.`;
  }
}

/** The records whose change would explain a difference. */
function recordsBehind(claim: Claim): string {
  return claim.kind === 'spf' ? `the SPF record of ${claim.domain} (or a record it includes)` : `the PTR or address records of ${claim.ip}`;
}

function adviceOf(claim: Claim, live: Live): string[] {
  return [
    `If you changed DNS on purpose, wait for the old TTL to pass and send a new test message; if you did not, find out who edited ${recordsBehind(claim)}. The live result now is ${live.now}.`,
  ];
}
