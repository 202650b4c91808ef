import { isolate, visible } from '../../text/inert.js';
import type { Report } from '../types.js';
import { metaOf } from '../../checks/meta.js';
import { formatUtc, formatWrittenDate } from '../../text/date.js';
import { checklistTable, checklistTextLines } from '../checklist.js';

/**
 * Plain text for "copy summary": the summary line, the message, the providers' checklist, one
 * line per check. Each value
 * from the message or DNS is isolate()d: visible control characters, and no right-to-left text
 * that reorders the words beside it wherever the text is pasted.
 */
export function renderSummaryText(report: Report): string {
  const m = report.message;
  const lines = [
    visible(report.summary),
    '',
    `Subject: ${m.subject === null ? '(none)' : isolate(m.subject)}`,
    `From: ${m.from === null ? '(none)' : isolate(m.from)}`,
    `Date: ${visible(formatWrittenDate(m.date, m.dateRaw)) || '(none)'}`,
  ];
  const table = checklistTable(report.checks);
  if (table) lines.push('', ...checklistTextLines(table).map(isolate));
  const checks = report.checks.filter((c) => metaOf(report.checkMeta, c.check).section !== 'checklist');
  if (checks.length) lines.push('');
  for (const c of checks) lines.push(`- ${metaOf(report.checkMeta, c.check).label} (${isolate(c.subject)}): ${c.result} — ${isolate(c.summary)}`);
  lines.push('', `Hoplens ${report.generator.version}, ${formatUtc(report.generatedAt)}`);
  return `${lines.join('\n')}\n`;
}
