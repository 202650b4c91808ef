import type { CheckResult } from '../core/checks/index.js';
import { dmarcDomainWording } from '../core/checks/dmarc/wording.js';
import type { DmarcDomainCheck } from '../core/dmarc/index.js';
import { evidenceEntry, evidenceText } from '../core/report/evidence-lines.js';
import { resolverFailedEveryQuestion } from '../core/dns/counting.js';
import { checklistTable, checklistTextLines } from '../core/report/checklist.js';
import { metaOf } from '../core/checks/meta.js';
import { clientNameLabel, clientNames } from '../core/report/client-names.js';
import type { Report } from '../core/report/types.js';
import { originalSenderText, originStanding } from '../core/report/exporters/hop-text.js';
import { versionName } from '../core/received/tls.js';
import { type RouteRow, routeRows } from '../core/report/route-rows.js';
import { formatWrittenDate } from '../core/text/date.js';
import { formatDuration } from '../core/text/duration.js';
import { visible } from '../core/text/inert.js';
import { countOf } from '../core/text/plural.js';

/**
 * The report as a terminal reader wants it: route first, then each check with its fix. Every
 * line goes through visible(): header and DNS text (a `with` of "E\x1b[2J", a PTR name with an
 * OSC 8 link, SPF text quoted in a reason) shows its control characters as markers, never runs them.
 */
export function formatReport(report: Report): string {
  const out: string[] = [];
  const m = report.message;
  if (m.subject !== null) out.push(`Subject: ${m.subject}`);
  if (m.from !== null) out.push(`From:    ${m.from}`);
  if (m.date !== null || m.dateRaw !== null) out.push(`Date:    ${formatWrittenDate(m.date, m.dateRaw)}`);
  if (report.embeddedIndex !== null) out.push(`(analysing attached message ${report.embeddedIndex + 1})`);
  if (report.embedded.length && report.embeddedIndex === null) {
    out.push(`This message carries ${countOf(report.embedded.length, 'attached message', 'attached messages')}; use --embedded N to analyse one:`);
    out.push(...report.embedded.map((e, i) => `  ${i + 1}. ${e.subject ?? '(no subject)'} — ${e.from ?? 'unknown sender'}`));
  }
  // First, so that "which message of the mbox" or "the resolver could not be reached" is read before the verdicts.
  for (const warning of report.warnings) out.push(...wrap(`Warning: ${warning.text}`, ''));
  out.push('');
  // The answer a mail admin asks first: will the providers take mail from this sender?
  const checklist = report.dns.mode === 'live' ? checklistTable(report.checks) : null;
  if (checklist) {
    for (const line of checklistTextLines(checklist)) out.push(...wrap(line.trimStart(), line.slice(0, line.length - line.trimStart().length)));
    out.push('');
  }
  const { route } = report;
  const transit =
    route.totalTransitSeconds === null
      ? 'transit time unknown'
      : route.totalTransitSeconds < 0
        ? 'transit time unknown: clocks disagree'
        : `${formatDuration(route.totalTransitSeconds)} in transit`;
  out.push(`Route, oldest hop first (${countOf(route.hops.length, 'hop', 'hops')}, ${transit}):`);
  for (const row of routeRows(route, report.checks)) out.push(...formatHop(row));
  out.push('');
  if (route.origin) {
    out.push(`Sender: hop ${route.origin.hopIndex + 1}, ${route.origin.ip} (${originStanding(route.origin)})`);
    const hop = route.hops[route.origin.hopIndex];
    // Each name says what it is: only a verified PTR name is the sender's name; the rest is hearsay.
    for (const n of hop ? clientNames(hop, report.checks) : []) out.push(`  ${clientNameLabel(n)}: ${n.name}`);
    for (const reason of route.origin.reasons) out.push(`  - ${reason.text}`);
    const firstLeg = originalSenderText(route);
    if (firstLeg !== null) out.push(`Original sender: ${firstLeg}; check it with --origin-hop ${route.originalSender!.hopIndex + 1}`);
  } else {
    out.push(`Sender: not found. ${route.originMissingReason ?? ''}`.trimEnd());
  }
  out.push('');
  if (resolverFailedEveryQuestion(report.dns)) {
    // The warning at the top gave the one reason and its fix; repeating them under every check buried the results.
    out.push(`Checks (DNS via ${report.dns.resolver}, which answered no question: each temperror below is that, see the warning above):`);
    for (const check of report.checks) out.push(...formatCheck(check, false, check.result === 'temperror'));
  } else if (report.dns.mode === 'live') {
    out.push(`Checks (DNS via ${report.dns.resolver}):`);
    for (const check of report.checks) if (metaOf(report.checkMeta, check.check).section !== 'checklist') out.push(...formatCheck(check));
  } else {
    out.push(`Checks: none ran, DNS lookups are off (--no-dns): ${report.checks.map((c) => c.check).join(', ')} not checked.`);
  }
  out.push('');
  out.push(`Summary: ${report.summary}`);
  return `${out.map(visible).join('\n')}\n`;
}

/** A route row as two lines (three or four with a clock issue or a stall): the terminal's form of the route table. */
function formatHop(row: RouteRow): string[] {
  const { hop } = row;
  const cls = row.ipClass !== null && row.ipClass !== 'public' ? ` ${row.ipClassLabel!.text}` : '';
  const from = [row.helo && `helo ${row.helo}`, row.rdns && `rdns ${row.rdns}`, row.ip && `[${row.ip}]${cls}`, row.liveText].filter(Boolean).join(', ');
  const delay = hop.clockIssue === 'missing' ? 'no date' : row.delay && `${hop.clockIssue === 'negative' ? '⚠ ' : '+'}${row.delay}`;
  const marker = row.isSender ? '▶' : ' ';
  const lines = [`${marker}${String(row.number).padStart(3)}  ${from || '(no from clause)'}`];
  const tls = hop.received.tls?.version;
  const by = [row.by && `by ${row.by}`, row.with && `with ${row.with}`, tls && versionName(tls)].filter(Boolean).join(' ');
  // The CLI writes the date as the header gave it with UTC beside it, which a terminal has the width for.
  lines.push(`       ${by || '(no by clause)'}  ${formatWrittenDate(hop.received.date, hop.received.dateRaw)}  ${delay}`.trimEnd());
  if (hop.clockIssue === 'negative') lines.push(`       clock issue: ${row.clockIssue!.text}`);
  if (row.stalled) lines.push(`       ⚠ ${row.stalled.text}`);
  return lines;
}

/** Where a check's explanation and advice start, under its summary. */
const INDENT = ' '.repeat(30);

/**
 * `explainAll`: the explanation even of results that need nothing done (check-dkim shows every
 * fact); `summaryOnly`: the one line, when the why and the fix were said once for all results.
 */
export function formatCheck(check: CheckResult, explainAll = false, summaryOnly = false): string[] {
  const lines = [`  ${check.result.toUpperCase().padEnd(14)} ${check.check.padEnd(12)} ${check.summary}`];
  if (summaryOnly) return lines;
  // The why is worth the lines where something needs doing or a check could not run; --json carries it for all.
  if ((explainAll || check.severity === 'warning' || check.severity === 'error' || check.result === 'not-checked') && check.explanation)
    lines.push(...wrap(check.explanation, INDENT));
  for (const advice of check.advice) lines.push(...wrap(`fix: ${advice}`, INDENT));
  return lines;
}

/** `check-dmarc DOMAIN`: the policy found, how the walk found it, the fixes, and each lookup. */
export function formatDmarcDomain(check: DmarcDomainCheck, resolverLabel: string): string {
  const words = dmarcDomainWording(check, resolverLabel);
  const lines = [
    `  ${(check.discovery?.outcome ?? 'not checked').toUpperCase().padEnd(14)} ${'dmarc'.padEnd(12)} ${words.summary}`,
    ...wrap(words.explanation, INDENT),
    ...words.advice.flatMap((advice) => wrap(`fix: ${advice}`, INDENT)),
    ...check.evidence.flatMap((e) => evidenceText(evidenceEntry(e))).map((line) => `${INDENT}${line}`),
  ];
  return `${lines.map(visible).join('\n')}\n`;
}

function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  // Marked before the split, so that a CR or LF in header text shows as ⟨CR⟩ rather than as a break.
  for (const word of visible(text).split(/\s+/)) {
    if (line && indent.length + line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}
