import { fieldsThatFit, MAX_CLAIM_ROWS } from '../claims/row-cap.js';
import { canonicalName } from '../hostnames/canonical.js';
import { normalizeIp } from '../net/ip.js';
import { identityDomain } from '../hostnames/identity-domain.js';
import { hopsOutward } from '../route/outward.js';
import { resultsTrust, type ResultsTrust } from '../route/trusted-results.js';
import { dkimCheck } from './dkim.js';
import { dmarcCheck } from './dmarc/check.js';
import { heloCheck } from './helo/check.js';
import { iprevCheck, MAX_OTHER_HOPS } from './iprev/check.js';
import { spfCheck } from './spf/check.js';
import { countOf } from '../text/plural.js';
import { notChecked } from './not-checked.js';
import { NOT_CHECKED, type Check, type CheckContext, type NotChecked, type ResultOf, type Severity, type Verdict } from './types.js';

/**
 * How a receiver's verdict at delivery compares with the live check of the same subject.
 * These are Hoplens' words, not an RFC's:
 * - same: the receiver recorded the result the live check gives now.
 * - differs: both sides gave a verdict, and they are not the same. DNS changed since delivery,
 *   an old answer was still cached somewhere (TTL), or the receiver saw another IP.
 * - not-comparable: one side has no verdict (not checked now, or a temperror on either side),
 *   or the receiver evaluated another IP than the one checked now.
 * - untrusted: written upstream, not by the receiving side (RFC 8601 §5): anyone on the way,
 *   the sender included, could have written it, so it is shown but not compared.
 */
export type Comparison = 'same' | 'differs' | 'not-comparable' | 'untrusted';

export interface ThenVsNowDetails {
  kind: Claim['kind'];
  comparison: Comparison;
  receiver: string;
  source: Claim['source'];
  /** Where the claim was written: among all header fields (Authentication-Results, Received-SPF)… */
  fieldIndex: number | null;
  /** …or among the Received headers (a recorded rDNS), 0 being the topmost. */
  receivedIndex: number | null;
  then: string;
  thenIp: string | null;
  domain: string | null;
  now: string;
  /** The live result compared with, in brief; null when there is none for this subject. */
  nowCheck: { check: string; subject: string; result: string } | null;
  /** Why the two cannot be compared, when they cannot. */
  reason: string | null;
  /** Whether the field was written by the receiving side of the route, and why (or why not). */
  trusted: boolean;
  trust: string;
}

/** The count of the fields past MAX_CLAIM_ROWS rows, said to the user instead of their rows. */
export interface ThenVsNowLeftOut {
  fieldsLeftOut: number;
  maxRows: number;
}

export type ThenVsNowCheckResult = Verdict<'then-vs-now', Comparison, ThenVsNowDetails> | NotChecked<'then-vs-now', ThenVsNowLeftOut>;

type After = readonly [typeof iprevCheck, typeof spfCheck, typeof heloCheck, typeof dkimCheck, typeof dmarcCheck];
type Earlier = ResultOf<After[number]>;

/** One thing a receiver wrote down at delivery. */
interface Claim {
  kind: 'iprev' | 'spf' | 'rdns' | 'dkim' | 'dmarc';
  /** The receiver that wrote it: authserv-id, Received-SPF receiver, or the Received by host. */
  receiver: string;
  source: 'Authentication-Results' | 'ARC-Authentication-Results' | 'Received-SPF' | 'Received';
  /** Position among all header fields, for a claim in a header field of its own. */
  fieldIndex: number | null;
  /** Position among the Received headers, for a claim in a Received header. */
  receivedIndex: number | null;
  /** The verdict then: a result word, or for rdns the name recorded. */
  then: string;
  /** The IP the receiver evaluated; null when the header does not say. */
  ip: string | null;
  /** For spf: the domain evaluated; for dkim the d=, for dmarc the From domain. */
  domain: string | null;
  /** For dkim: the s= the receiver named, when it did. */
  selector: string | null;
  hopIndex: number | null;
  trust: ResultsTrust;
}

interface Live {
  now: string;
  /** The live result, null when there is none for this subject. */
  result: Earlier | null;
  /** Why the two cannot be compared, when they cannot. */
  blocker: string | null;
  /** For rdns: the PTR names DNS gives now, when it gave an answer. */
  ptrNames: string[] | null;
}

export const thenVsNowCheck: Check<'then-vs-now', ThenVsNowCheckResult, After> = {
  name: 'then-vs-now',
  meta: {
    label: 'Then vs now',
    shortLabel: 'then vs now',
    summaryRank: 7,
    section: 'then-vs-now',
    locale: { label: 'check_then_vs_now', shortLabel: 'check_short_then_vs_now' },
  },
  after: [iprevCheck, spfCheck, heloCheck, dkimCheck, dmarcCheck],
  async *run(ctx) {
    const { rows, fieldsLeftOut } = keptRows(fieldClaims(ctx).map((field) => field.map((claim) => compare(claim, ctx))));
    yield* rows;
    for (const claim of recordedRdnsClaims(ctx)) yield compare(claim, ctx);
    if (fieldsLeftOut > 0) yield leftOut(fieldsLeftOut);
  },
};

/**
 * The rows that matter first: the receiving side's own fields (RFC 8601 §5: the only ones that
 * say what it checked), those with a row that differs from Hoplens' live verdict before the rest;
 * then the others as they were read (Authentication-Results, then Received-SPF, each in header
 * order), fields whole, as long as MAX_CLAIM_ROWS allows. Kept rows stay in that order. Comparing
 * every field first is linear and asks no DNS: the live results are in.
 */
function keptRows(fields: ThenVsNowCheckResult[][]): { rows: ThenVsNowCheckResult[]; fieldsLeftOut: number } {
  const rank = (rows: ThenVsNowCheckResult[]) => (rows.some((r) => r.result === 'differs') ? 0 : rows.some((r) => r.result !== 'untrusted') ? 1 : 2);
  const order = fields.map((rows, index) => ({ rows, index, rank: rank(rows) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const kept = new Set(order.slice(0, fieldsThatFit(order.map((f) => f.rows.length))).map((f) => f.index));
  return { rows: fields.filter((_, i) => kept.has(i)).flat(), fieldsLeftOut: fields.length - kept.size };
}

function leftOut(fieldsLeftOut: number): ThenVsNowCheckResult {
  const fields = countOf(fieldsLeftOut, 'more Authentication-Results field', 'more Authentication-Results fields');
  return notChecked('then-vs-now', {
    subject: '-',
    summary: `${fields} not compared`,
    explanation: `${fields} (Authentication-Results, ARC-Authentication-Results or Received-SPF) were not compared: Hoplens shows at most ${MAX_CLAIM_ROWS} recorded results, the receiving side's own first and those that differ from the live check before the rest. A message carries a few such fields; this many were most likely added on the way, by the sender or a relay, to bury the real ones.`,
    hopIndex: null,
    details: { fieldsLeftOut, maxRows: MAX_CLAIM_ROWS },
  });
}

/** The claims of each Authentication-Results field, then of each Received-SPF field: one list per field. */
function fieldClaims(ctx: CheckContext<After>): Claim[][] {
  const fields: Claim[][] = [];
  const { route, message } = ctx.analysis;
  const trustOf = resultsTrust(route, message.headers);
  for (const header of ctx.analysis.claims.authResults) {
    const trust = trustOf(header.authservId, header.fieldIndex);
    const claims: Claim[] = [];
    fields.push(claims);
    for (const entry of header.results) {
      const base = {
        // Microsoft 365 writes no authserv-id (RFC 8601 §2.2 requires one): say so rather than a blank.
        receiver: `${header.authservId || 'a receiver that gave no authserv-id'}${arcLabel(header, ctx)}`,
        source: header.source,
        fieldIndex: header.fieldIndex,
        receivedIndex: null,
        then: entry.result.toLowerCase(),
        hopIndex: null,
        selector: null,
        trust,
      };
      if (entry.method === 'iprev') {
        claims.push({ ...base, kind: 'iprev', ip: ipIn(entry.properties['policy.iprev'] ?? null), domain: null });
      } else if (entry.method === 'spf') {
        const mailFrom = identityDomain(entry.properties['smtp.mailfrom'] ?? null);
        const domain = mailFrom ?? identityDomain(entry.properties['smtp.helo'] ?? null);
        const designated = entry.comments.map((c) => /designates\s+(\S+)\s+as/i.exec(c)?.[1] ?? /client-ip=([^\s;]+)/i.exec(c)?.[1]).find(Boolean);
        claims.push({ ...base, kind: 'spf', ip: ipIn(designated ?? null), domain });
      } else if (entry.method === 'dkim') {
        // RFC 8601 §2.7.1: header.d (or header.i, whose domain is within d=), header.s.
        const domain = identityDomain(entry.properties['header.d'] ?? entry.properties['header.i'] ?? null);
        claims.push({ ...base, kind: 'dkim', ip: null, domain, selector: entry.properties['header.s']?.toLowerCase() ?? null });
      } else if (entry.method === 'dmarc') {
        claims.push({ ...base, kind: 'dmarc', ip: null, domain: identityDomain(entry.properties['header.from'] ?? null) });
      }
    }
  }
  for (const spf of ctx.analysis.claims.receivedSpf) {
    const identityIsHelo = spf.identity?.toLowerCase() === 'helo';
    fields.push([
      {
        kind: 'spf',
        receiver: spf.receiver ?? 'the receiver',
        source: 'Received-SPF',
        fieldIndex: spf.fieldIndex,
        receivedIndex: null,
        then: spf.result.toLowerCase(),
        ip: ipIn(spf.clientIp),
        domain: identityIsHelo ? identityDomain(spf.helo) : (identityDomain(spf.envelopeFrom) ?? identityDomain(spf.helo)),
        selector: null,
        hopIndex: null,
        trust: trustOf(spf.receiver, spf.fieldIndex),
      },
    ]);
  }
  return fields;
}

/**
 * The reverse DNS the receivers recorded for hop IPs iprev checked now, from the origin outward
 * and at most one per hop iprev could check (1 + MAX_OTHER_HOPS): a stuffed route repeating the
 * sender's IP 10,000 times must not make 10,000 comparisons. In travel order.
 */
function recordedRdnsClaims(ctx: CheckContext<After>): Claim[] {
  const checked = new Set(ctx.earlier.filter((r) => r.check === 'iprev').map((r) => r.subject));
  const claims: Claim[] = [];
  for (const hop of hopsOutward(ctx.analysis.route.hops, ctx.origin?.index ?? null)) {
    if (claims.length > MAX_OTHER_HOPS) break;
    const ip = ipIn(hop.received.ip);
    if (ip === null || hop.received.rdns === null || !checked.has(ip)) continue;
    claims.push({
      kind: 'rdns',
      receiver: hop.received.by ?? 'the receiver',
      source: 'Received',
      fieldIndex: null,
      receivedIndex: hop.receivedIndex,
      then: canonicalName(hop.received.rdns),
      ip,
      domain: null,
      selector: null,
      hopIndex: hop.index,
      trust: RECORDED_BY_HOP,
    });
  }
  return claims.sort((a, b) => a.hopIndex! - b.hopIndex!);
}

/** An ARC-Authentication-Results names its set: "(ARC i=2, cv=pass, sealed by d=lists.example)". */
function arcLabel(header: { source: string; instance: number | null }, ctx: CheckContext<After>): string {
  if (header.source !== 'ARC-Authentication-Results' || header.instance === null) return '';
  const set = ctx.analysis.claims.arc.sets.find((s) => s.instance === header.instance);
  const seal = set?.seal?.domain ? `, sealed by d=${set.seal.domain}` : '';
  return ` (ARC i=${header.instance}${set?.cv ? `, cv=${set.cv}` : ''}${seal})`;
}

/** A hop's recorded rDNS is compared for every hop iprev checked: each is what that hop's server saw. */
const RECORDED_BY_HOP: ResultsTrust = { trusted: true, why: 'recorded in the Received field of the server that took the connection' };

function ipIn(text: string | null): string | null {
  return text === null ? null : normalizeIp(text);
}

function originIp(ctx: CheckContext<After>): string | null {
  return ipIn(ctx.origin?.received.ip ?? null);
}

function liveOf(claim: Claim, ctx: CheckContext<After>): Live {
  if (!claim.trust.trusted) return { now: 'not compared', result: null, blocker: claim.trust.why, ptrNames: null };
  if (claim.kind === 'dkim') {
    const live = ctx.earlier.find(
      (r) =>
        r.check === 'dkim' &&
        'signatureIndex' in r.details &&
        r.details.domain?.toLowerCase() === claim.domain &&
        (claim.selector === null || r.details.selector?.toLowerCase() === claim.selector),
    );
    if (live?.check !== 'dkim')
      return { now: 'not checked', result: null, blocker: `no DKIM signature with d=${claim.domain ?? '?'} was verified now`, ptrNames: null };
    const bodyMissing = 'reason' in live.details && live.details.reason === 'body-unavailable';
    return {
      now: live.result,
      result: live,
      blocker: bodyMissing ? 'the body was not available now, so the signature could not be verified whole' : blockerOf(claim.then, live.result),
      ptrNames: null,
    };
  }
  if (claim.kind === 'dmarc') {
    const live = ctx.earlier.find((r) => r.check === 'dmarc' && r.result !== NOT_CHECKED && r.subject === claim.domain);
    if (live?.check !== 'dmarc')
      return { now: 'not checked', result: null, blocker: `DMARC was not evaluated now for ${claim.domain ?? 'the From domain'}`, ptrNames: null };
    return { now: live.result, result: live, blocker: blockerOf(claim.then, live.result), ptrNames: null };
  }
  if (claim.kind === 'spf') {
    // Only a result that evaluated the domain can be compared; one that did not run names none.
    // A forward's two SPF results may share a domain: the one for the address the receiver evaluated first.
    const same = ctx.earlier.filter((r) => r.check === 'spf' && r.result !== NOT_CHECKED && claim.domain !== null && r.details.domain === claim.domain);
    const live = same.find((r) => r.check === 'spf' && r.result !== NOT_CHECKED && ipIn(r.details.ip) === claim.ip) ?? same[0];
    if (live?.check !== 'spf' || live.result === NOT_CHECKED) {
      return {
        now: 'not checked',
        result: null,
        blocker: `SPF was not checked now for ${claim.domain ?? 'the domain the receiver evaluated'}`,
        ptrNames: null,
      };
    }
    const liveIp = ipIn(live.details.ip) ?? originIp(ctx);
    if (claim.ip !== null && liveIp !== null && claim.ip !== liveIp) {
      return { now: live.result, result: live, blocker: `the receiver evaluated ${claim.ip}, the live check ${liveIp}`, ptrNames: null };
    }
    return { now: live.result, result: live, blocker: blockerOf(claim.then, live.result), ptrNames: null };
  }
  const ip = claim.ip ?? originIp(ctx);
  const live = ip === null ? undefined : ctx.earlier.find((r) => r.check === 'iprev' && r.subject === ip);
  if (live?.check !== 'iprev') {
    return { now: 'not checked', result: null, blocker: `reverse DNS was not checked now for ${ip ?? 'the IP the receiver evaluated'}`, ptrNames: null };
  }
  if (claim.kind === 'iprev') return { now: live.result, result: live, blocker: blockerOf(claim.then, live.result), ptrNames: null };
  if (live.result === NOT_CHECKED) return { now: NOT_CHECKED, result: live, blocker: live.explanation, ptrNames: null };
  const { ptrNames } = live.details;
  if (live.result === 'temperror' && ptrNames.length === 0) {
    return { now: 'temperror', result: live, blocker: 'the PTR lookup failed now (temperror)', ptrNames: null };
  }
  const now = ptrNames.length > 0 ? `PTR ${ptrNames.join(', ')}` : 'no PTR';
  return { now, result: live, blocker: null, ptrNames };
}

function blockerOf(then: string, now: string): string | null {
  if (now === NOT_CHECKED) return 'the live check did not run for this subject';
  if (then === 'temperror' || now === 'temperror') return 'a transient DNS error on one side leaves nothing to compare';
  return null;
}

function compare(claim: Claim, ctx: CheckContext<After>): ThenVsNowCheckResult {
  const live = liveOf(claim, ctx);
  const subject =
    claim.kind === 'spf' || claim.kind === 'dkim' || claim.kind === 'dmarc' ? (claim.domain ?? claim.ip ?? '') : (claim.ip ?? originIp(ctx) ?? '');
  const method = claim.kind === 'rdns' ? 'reverse DNS' : claim.kind;
  const thenText = claim.kind === 'rdns' ? `${claim.ip} as ${claim.then}` : `${claim.kind}=${claim.then}`;
  const comparison: Comparison = !claim.trust.trusted
    ? 'untrusted'
    : live.blocker !== null
      ? 'not-comparable'
      : claim.kind === 'rdns'
        ? live.ptrNames?.includes(claim.then)
          ? 'same'
          : 'differs'
        : claim.then === live.now
          ? 'same'
          : 'differs';
  const severity: Severity = comparison === 'same' ? 'ok' : comparison === 'differs' ? 'warning' : 'info';
  const summary = !claim.trust.trusted
    ? `Written upstream, not trusted: ${claim.receiver} recorded ${thenText} (${claim.source})`
    : `At delivery ${claim.receiver} recorded ${thenText} (${claim.source}); now: ${live.now}`;
  return {
    check: 'then-vs-now',
    subject,
    result: comparison,
    severity,
    summary,
    explanation: explanationOf(claim, comparison, live, method),
    advice: comparison === 'differs' ? adviceOf(claim, live) : [],
    hopIndex: claim.hopIndex ?? live.result?.hopIndex ?? null,
    details: {
      kind: claim.kind,
      comparison,
      receiver: claim.receiver,
      source: claim.source,
      fieldIndex: claim.fieldIndex,
      receivedIndex: claim.receivedIndex,
      then: claim.then,
      thenIp: claim.ip,
      domain: claim.domain,
      now: live.now,
      nowCheck: live.result ? { check: live.result.check, subject: live.result.subject, result: live.result.result } : null,
      reason: live.blocker,
      trusted: claim.trust.trusted,
      trust: claim.trust.why,
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
    case 'untrusted':
      return `The ${from} is ${claim.trust.why}. Only the receiving side's own results say what it checked (RFC 8601 §5); this one is shown as written, never as a verdict, and Hoplens' own check stands instead.`;
  }
}

/** The records whose change would explain a difference. */
function recordsBehind(claim: Claim): string {
  switch (claim.kind) {
    case 'spf':
      return `the SPF record of ${claim.domain} (or a record it includes)`;
    case 'dkim':
      return `the DKIM key of ${claim.selector ? `${claim.selector}._domainkey.${claim.domain}` : claim.domain}, or the message on the way (a changed body or header breaks the signature)`;
    case 'dmarc':
      return `the DMARC, SPF or DKIM records of ${claim.domain}, or the message on the way`;
    default:
      return `the PTR or address records of ${claim.ip}`;
  }
}

function adviceOf(claim: Claim, live: Live): string[] {
  return [
    `If you changed DNS on purpose, wait for the old TTL to pass and send a new test message; if you did not, find out who edited ${recordsBehind(claim)}. The live result now is ${live.now}.`,
  ];
}
