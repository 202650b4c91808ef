import type { CheckResult } from '../checks/index.js';
import { resolverFailedEveryQuestion } from '../dns/counting.js';
import { metaOf, type CheckMetaByName } from '../checks/meta.js';
import { secondOrigin } from '../route/second-origin.js';
import { NOT_CHECKED } from '../checks/types.js';
import type { OriginHop, Route } from '../route/types.js';
import { liveReverseDns } from './client-names.js';
import type { Report } from './types.js';

/** What the summary line needs; the pipeline passes the report before its summary exists. */
export type SummaryInput = Pick<Report, 'route' | 'checks' | 'checkMeta' | 'dns'>;

/**
 * One line a user reads in two seconds, led by the providers' checklist: "Gmail: meets
 * all-sender requirements; bulk: not met (DMARC record) · Yahoo: … Sender 203.0.113.25
 * mail.example.com — reverse DNS pass, HELO pass, SPF pass, MX pass", each check in its
 * summaryRank. It repeats the checks' own summaries and result words; it judges nothing.
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
  const lead = checklistLead(checklistResults(input));
  const line = results.length === 0 ? `${who} — no checks ran` : `${who} — ${resultWords(results, input.checkMeta)}`;
  return lead ? `${lead}. ${line}` : line;
}

/**
 * "Gmail, Yahoo: meets all-sender requirements; bulk: DKIM missing · Outlook.com: bulk: DKIM
 * missing": each result's summary ("Subject: words"), subjects with the same words named together.
 */
function checklistLead(results: readonly CheckResult[]): string {
  const bySaying = new Map<string, string[]>();
  for (const r of results) {
    const prefix = `${r.subject}: `;
    const saying = r.summary.startsWith(prefix) ? r.summary.slice(prefix.length) : r.summary;
    const subjects = bySaying.get(saying) ?? [];
    subjects.push(r.subject);
    bySaying.set(saying, subjects);
  }
  return [...bySaying].map(([saying, subjects]) => `${subjects.join(', ')}: ${saying}`).join(' · ');
}

/** The checklist's results (one per provider) that have something to say, in report order. */
export function checklistResults({ checks, checkMeta }: Pick<SummaryInput, 'checks' | 'checkMeta'>): CheckResult[] {
  return checks.filter((c) => metaOf(checkMeta, c.check).section === 'checklist' && c.result !== NOT_CHECKED);
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
 * sender when a check ran on several hops, never one about a forward's original sender. The
 * checklist is not among them.
 */
export function senderResults({ route, checks, checkMeta }: Pick<SummaryInput, 'route' | 'checks' | 'checkMeta'>): CheckResult[] {
  const origin: OriginHop | null = route.origin;
  const firstHop = secondOrigin(route)?.hopIndex;
  // The checklist leads the line in its own words; its result words would only repeat them.
  const names = [...new Set(checks.filter((c) => metaOf(checkMeta, c.check).section !== 'checklist').map((c) => c.check))];
  names.sort((a, b) => metaOf(checkMeta, a).summaryRank - metaOf(checkMeta, b).summaryRank);
  return names.map((name) => {
    const all = checks.filter((c) => c.check === name);
    const notFirst = all.filter((c) => c.hopIndex !== firstHop);
    const aboutSender = origin && (notFirst.find((c) => c.hopIndex === origin.hopIndex) ?? notFirst.find((c) => c.subject === origin.ip));
    return aboutSender ?? notFirst[0] ?? (all[0] as CheckResult);
  });
}
