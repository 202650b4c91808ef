import type { Report } from '../types.js';
import { csvCell } from './csv.js';

const COLUMNS = ['provider', 'tier', 'requirement', 'label', 'mark', 'evidence', 'provider_text', 'source_url', 'source_read'] as const;

/**
 * The providers' checklist as CSV: one row per provider and published requirement ("long"
 * form), with the same cells as the checklist's lines (the mark is `met`, `not-met` or
 * `cannot-tell`). A file of its own rather than a section of the hops CSV: a CSV holds one table,
 * and those who parse the hops file keep its shape; a row per line (not a column per provider)
 * keeps the columns fixed when a provider is added, and filters and pivots as it is. No
 * checklist (DNS off) gives the header row alone.
 */
export function renderChecklistCsv(report: Report): string {
  const rows: (string | null)[][] = [[...COLUMNS]];
  for (const result of report.checks) {
    if (result.check !== 'providers' || result.result === 'not-checked') continue;
    const p = result.details;
    for (const line of p.lines) {
      rows.push([p.provider, line.tier, line.requirement, line.label, line.mark, line.evidence, line.text, p.source.url, p.source.read]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
