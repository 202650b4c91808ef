import { readHeaders } from './analyze-headers.js';
import { resolverReason } from './advice/transient.js';
import { CHECKS, type CheckResult, type RegisteredCheck } from './checks/index.js';
import { metaByName } from './checks/meta.js';
import { notChecked } from './checks/not-checked.js';
import { detectSenderSoftware } from './software/detect.js';
import { countingResolver, type DnsUsage } from './dns/counting.js';
import { DEFAULT_DEADLINE_MS, deadlineResolver, deadlineWords } from './dns/deadline.js';
import type { Resolver } from './dns/types.js';
import { summarize } from './report/summary.js';
import { SCHEMA_VERSION, type ProgressEvent, type Report } from './report/types.js';
import { chooseOrigin } from './route/index.js';
import { secondOrigin } from './route/second-origin.js';
import { runChecks } from './run-checks.js';
import { type Warning, warning } from './text/warning.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  /** Where DNS questions go; null or absent runs no DNS check at all. */
  resolver?: Resolver | null;
  /** Cancels the whole analysis, lookups included: analyze then rejects. */
  signal?: AbortSignal;
  /**
   * The time budget of all DNS questions together, in milliseconds (DEFAULT_DEADLINE_MS by
   * default). Past it the checks still waiting say temperror, naming the deadline; analyze
   * resolves with the report.
   */
  deadlineMs?: number;
  /** Receives the route first, then each check result as it is known, DNS counters, and the report. */
  onProgress?: (event: ProgressEvent) => void;
  /** Hop index (travel order) to treat as the sender instead of the route's own choice. */
  originHop?: number;
  /** Analyse this embedded message/rfc822 instead of the outer message. */
  embedded?: number;
  /** The checks to run, from the registry (with the checks they run after); all of them by default. */
  checks?: readonly RegisteredCheck[];
  now?: () => Date;
}

/** raw message → route → live DNS checks → report, streaming progress on the way. */
export async function analyze(raw: string | Uint8Array, options: AnalyzeOptions = {}): Promise<Report> {
  const emit = options.onProgress ?? (() => {});
  const checks = options.checks ?? CHECKS;
  const { analysis: headers, bytes } = await readHeaders(raw, options.embedded === undefined ? {} : { embedded: options.embedded });
  const route =
    options.originHop === undefined ? headers.route : { ...headers.route, origin: chooseOrigin(headers.route, options.originHop), originMissingReason: null };
  const analysis = { ...headers, route };
  const checkMeta = metaByName(checks);
  emit({ type: 'route', analysis, checkMeta });
  options.signal?.throwIfAborted();

  const origin = route.origin ? (route.hops[route.origin.hopIndex] ?? null) : null;
  const first = secondOrigin(route);
  const firstHop = first ? (route.hops[first.hopIndex] ?? null) : null;
  const originalSender = firstHop && { hop: firstHop, software: detectSenderSoftware(analysis, firstHop) };
  let results: CheckResult[];
  let dns: DnsUsage;
  let dnsWarnings: Warning[] = [];
  if (options.resolver) {
    const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const counted = countingResolver(options.resolver, (c) => emit({ type: 'dns', ...c }));
    // Outside the counter, so that questions the deadline stops before they leave count as none sent.
    const resolver = deadlineResolver(counted, AbortSignal.timeout(deadlineMs), deadlineMs);
    results = await runChecks(
      checks,
      {
        analysis,
        bytes,
        origin,
        originalSender,
        resolver,
        signal: options.signal,
        software: detectSenderSoftware(analysis, origin),
        now: options.now?.() ?? new Date(),
      },
      (result) => emit({ type: 'check', result }),
    );
    results = inReportOrder(results, checks, origin?.index ?? null, first?.hopIndex ?? null);
    dns = { mode: 'live', resolver: options.resolver.label, ...counted.usage() };
    dnsWarnings = [
      ...(resolver.passed() ? [warning('dns-deadline', deadlineText(deadlineMs))] : []),
      ...unansweredWarning(counted.unanswered(), dns.distinctQuestions, options.resolver.label),
    ];
  } else {
    results = checks.map(dnsOff);
    for (const result of results) emit({ type: 'check', result });
    dns = { mode: 'off', resolver: null, queriesSent: 0, distinctQuestions: 0, cacheHits: 0, unanswered: 0 };
  }
  options.signal?.throwIfAborted();

  const warnings = [...analysis.warnings, ...dnsWarnings];
  const unsummarised = {
    ...analysis,
    warnings,
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'hoplens', version: VERSION },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    dns,
    checks: results,
    checkMeta,
  } as const;
  const report: Report = { ...unsummarised, summary: summarize(unsummarised) };
  emit({ type: 'done', report });
  return report;
}

function deadlineText(ms: number): string {
  const words = deadlineWords(ms);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} before every DNS question was answered: the checks it cut say temperror, not a verdict on the sender's DNS. The resolver answered too slowly or not at all; run the analysis again later or choose another resolver.`;
}

/**
 * When the resolver itself failed, every check says temperror and each names the failed
 * lookup; one line up front says what they share, so that no one blames the sender's DNS.
 */
function unansweredWarning(errors: string[], asked: number, label: string): Warning[] {
  if (errors.length === 0) return [];
  const counts = new Map<string, number>();
  for (const error of errors.map(resolverReason)) counts.set(error, (counts.get(error) ?? 0) + 1);
  const [reason] = [...counts.entries()].reduce((most, entry) => (entry[1] > most[1] ? entry : most));
  const why = counts.size === 1 ? reason : `${reason}, among other errors`;
  const consequence =
    errors.length === asked
      ? "The temperror results below come from that, not from the sender's DNS."
      : "Where a result below is temperror because of that, it says nothing about the sender's DNS.";
  return [
    warning(
      'dns-unanswered',
      `${errors.length} of ${asked} DNS questions got no answer from ${label} (${why}). ${consequence} Check this computer's network connection or choose another resolver, then run the analysis again.`,
    ),
  ];
}

/**
 * Results stream in completion order; the report lists them in registry order, the sender's
 * hop first within a check and a forward's original sender last, so that two runs of the same
 * message read the same.
 */
function inReportOrder(results: CheckResult[], checks: readonly RegisteredCheck[], originHop: number | null, firstHop: number | null): CheckResult[] {
  const rank = (r: CheckResult) => [
    checks.findIndex((c) => c.name === r.check),
    r.hopIndex !== null && r.hopIndex === firstHop ? 1 : 0,
    r.hopIndex === originHop ? -1 : (r.hopIndex ?? Number.MAX_SAFE_INTEGER),
  ];
  return results
    .map((result, arrival) => ({ result, key: [...rank(result), arrival] }))
    .sort((a, b) => cmpKeys(a.key, b.key))
    .map(({ result }) => result);
}

function cmpKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** No subject: without DNS no check reached the point of choosing one. Named by its label, as readers know it. */
function dnsOff(check: RegisteredCheck): CheckResult {
  return notChecked(check.name, {
    subject: '',
    summary: `${check.meta.label}: not checked, DNS lookups are off`,
    explanation: 'This analysis ran without DNS (no-DNS mode), so nothing was looked up; the route comes from the headers alone.',
    hopIndex: null,
    details: {},
  });
}
