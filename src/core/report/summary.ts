import type { CheckResult } from '../checks/index.js';
import { resolverFailedEveryQuestion } from '../dns/counting.js';
import { metaOf, type CheckMetaByName } from '../checks/meta.js';
import { secondOrigin } from '../route/second-origin.js';
import type { OriginHop, Route } from '../route/types.js';
import { liveReverseDns } from './client-names.js';
import type { Report } from './types.js';

/** What the summary line needs; the pipeline passes the report before its summary exists. */
export type SummaryInput = Pick<Report, 'route' | 'checks' | 'checkMeta' | 'dns'>;

/**
 * One line a user reads in two seconds: "Sender 203.0.113.25 mail.example.com — reverse DNS
 * pass, HELO pass, SPF pass, MX pass", each check in its summaryRank. It repeats the checks'
 * own result words; it judges nothing.
 */
export function summarize(input: SummaryInput): string {
  const { route, checks, dns } = input;
  const who = route.origin
    ? senderText(route, route.origin, checks)
    : `No sender found: ${(route.originMissingReason ?? 'no hop qualifies').replace(/\.$/, '')}`;
  if (dns.mode === 'off') return `${who} — DNS checks off`;
  // Each temperror would repeat one fact about this side's network, not the sender's DNS.
  if (resolverFailedEveryQuestion(dns)) return `${who} — not checked: ${dns.resolver ?? 'the resolver'} answered no question`;
  const results = senderResults(input);
  if (results.length === 0) return `${who} — no checks ran`;
  return `${who} — ${resultWords(results, input.checkMeta)}`;
}

/** "reverse DNS pass, HELO pass, SPF pass": each check's short label and its result word. */
export function resultWords(results: readonly CheckResult[], metas: CheckMetaByName): string {
  return results.map((r) => `${metaOf(metas, r.check).shortLabel} ${r.result}`).join(', ');
}

/**
 * Beside the IP only the name iprev verified: the recorded reverse DNS and the HELO are anyone's
 * to write, and a forged hop would put "mail.bank.example" there.
 */
function senderText(route: Route, origin: OriginHop, checks: readonly CheckResult[]): string {
  const hop = route.hops[origin.hopIndex];
  const name = hop ? liveReverseDns(hop, checks)?.verifiedName : null;
  return name ? `Sender ${origin.ip} ${name}` : `Sender ${origin.ip}`;
}

/**
 * One result per check name, in the line's order (each check's summaryRank): the one about the
 * sender when a check ran on several hops, never one about a forward's original sender.
 */
export function senderResults({ route, checks, checkMeta }: Pick<SummaryInput, 'route' | 'checks' | 'checkMeta'>): CheckResult[] {
  const origin: OriginHop | null = route.origin;
  const firstHop = secondOrigin(route)?.hopIndex;
  const names = [...new Set(checks.map((c) => c.check))];
  names.sort((a, b) => metaOf(checkMeta, a).summaryRank - metaOf(checkMeta, b).summaryRank);
  return names.map((name) => {
    const all = checks.filter((c) => c.check === name);
    const notFirst = all.filter((c) => c.hopIndex !== firstHop);
    const aboutSender = origin && (notFirst.find((c) => c.hopIndex === origin.hopIndex) ?? notFirst.find((c) => c.subject === origin.ip));
    return aboutSender ?? notFirst[0] ?? (all[0] as CheckResult);
  });
}
