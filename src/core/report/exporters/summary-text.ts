import type { Report } from '../types.js';
import { checkLabel } from './check-labels.js';
import { formatUtc } from './hop-text.js';

/** Plain text for "copy summary": the summary line, the message, one line per check. */
export function renderSummaryText(report: Report): string {
  const m = report.message;
  const lines = [
    report.summary,
    '',
    `Subject: ${m.subject ?? '(none)'}`,
    `From: ${m.from ?? '(none)'}`,
    `Date: ${m.date ? formatUtc(m.date) : '(none)'}`,
  ];
  if (report.checks.length) lines.push('');
  for (const c of report.checks) lines.push(`- ${checkLabel(c.check)} (${c.subject}): ${c.result} — ${c.summary}`);
  lines.push('', `Hoplens ${report.generator.version}, ${formatUtc(report.generatedAt)}`);
  return `${lines.join('\n')}\n`;
}
