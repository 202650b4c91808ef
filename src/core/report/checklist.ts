import type { CheckResult } from '../checks/index.js';
import type { ChecklistLine, ProviderChecklist } from '../checks/providers/check.js';
import type { Mark } from '../checks/providers/evaluate.js';
import type { Tier } from '../checks/providers/requirements.js';
import type { Severity } from '../checks/types.js';

/** ✓ / ✗ / ? and their words: every view and export marks a line the same way. */
export const MARKS: Readonly<Record<Mark, { symbol: string; words: string }>> = {
  met: { symbol: '✓', words: 'met' },
  'not-met': { symbol: '✗', words: 'not met' },
  'cannot-tell': { symbol: '?', words: 'cannot tell from this message' },
};

export const TIER_NAMES: Readonly<Record<Tier, string>> = { all: 'All senders', bulk: 'Bulk senders, in addition' };

/** One provider as the checklist's column: its verdict in one sentence and where its list is published. */
export interface ChecklistColumn {
  name: string;
  summary: string;
  severity: Severity;
  source: ProviderChecklist['source'];
  bulkSenders: string;
  notInMessage: ProviderChecklist['notInMessage'];
}

/** One requirement across the providers: a mark per column (null where that provider does not list it). */
export interface ChecklistRow {
  tier: Tier;
  requirement: ChecklistLine['requirement'];
  label: string;
  marks: (Mark | null)[];
  /** The evidence once when every provider saw the same, else each provider's, named. */
  evidence: string[];
}

export interface ChecklistTable {
  columns: ChecklistColumn[];
  rows: ChecklistRow[];
}

/**
 * The providers' results as one table: requirements as rows (all-sender ones first), providers
 * as columns. Each line's judgement is the checklist's; this only arranges it. Null when the
 * report has no checklist results (DNS off, another version).
 */
export function checklistTable(checks: readonly CheckResult[]): ChecklistTable | null {
  const providers = checks.flatMap((c) => (c.check === 'providers' && c.result !== 'not-checked' ? [c] : []));
  if (providers.length === 0) return null;
  const keys: string[] = [];
  const rows = new Map<string, { tier: Tier; requirement: ChecklistLine['requirement']; label: string }>();
  for (const tier of ['all', 'bulk'] as const) {
    for (const p of providers) {
      for (const line of p.details.lines) {
        const key = `${line.tier} ${line.requirement}`;
        if (line.tier !== tier || rows.has(key)) continue;
        keys.push(key);
        rows.set(key, { tier: line.tier, requirement: line.requirement, label: line.label });
      }
    }
  }
  return {
    columns: providers.map((p) => ({
      name: p.details.name,
      summary: p.summary,
      severity: p.severity,
      source: p.details.source,
      bulkSenders: p.details.bulkSenders,
      notInMessage: p.details.notInMessage,
    })),
    rows: keys.map((key) => {
      const row = rows.get(key)!;
      const lines = providers.map((p) => p.details.lines.find((l) => `${l.tier} ${l.requirement}` === key) ?? null);
      const seen = lines.flatMap((l, i) => (l ? [{ provider: providers[i]!.details.name, evidence: l.evidence }] : []));
      const same = seen.every((s) => s.evidence === seen[0]?.evidence);
      return {
        ...row,
        marks: lines.map((l) => l?.mark ?? null),
        evidence: same ? [seen[0]?.evidence ?? ''] : seen.map((s) => `${s.provider}: ${s.evidence}`),
      };
    }),
  };
}

/** "Gmail ✓, Yahoo ✓, Outlook.com —": a row's marks, for the plain-text and Markdown renderers. */
export function marksText(table: ChecklistTable, row: ChecklistRow): string {
  return row.marks.map((m, i) => `${table.columns[i]!.name} ${m === null ? '—' : MARKS[m].symbol}`).join(', ');
}

/** What the marks mean, under every rendering of the table. */
export const CHECKLIST_LEGEND =
  "✓ met · ✗ not met · ? cannot tell from this message · — not listed by this provider. Only Hoplens' own checks and what the receiving server recorded count, never a verdict written into the message on the way.";

export const CHECKLIST_TITLE = 'Will Gmail, Yahoo and Outlook.com accept this sender?';

/**
 * The table as plain text lines, for the terminal and "copy summary": each provider's sentence,
 * then per tier each requirement with its marks and evidence. Callers make the text inert.
 */
export function checklistTextLines(table: ChecklistTable): string[] {
  const out = [CHECKLIST_TITLE, ...table.columns.map((c) => `  ${c.summary}`)];
  for (const tier of ['all', 'bulk'] as const) {
    const rows = table.rows.filter((r) => r.tier === tier);
    if (rows.length === 0) continue;
    out.push(`  ${TIER_NAMES[tier]}:`);
    for (const row of rows) {
      out.push(`    ${row.label} [${marksText(table, row)}]`);
      for (const e of row.evidence) out.push(`      ${e}`);
    }
  }
  out.push(`  ${CHECKLIST_LEGEND}`, '  Where each list is published:');
  for (const c of table.columns) {
    out.push(`    ${sourceText(c)}`);
    for (const n of c.notInMessage) out.push(`      Not shown by a message (${TIER_NAMES[n.tier].toLowerCase()}): ${n.text}.`);
  }
  return out;
}

/** "Gmail: Email sender guidelines (…), https://…, read …": where each list is published. */
export function sourceText(column: ChecklistColumn): string {
  return `${column.name}: ${column.source.title}, ${column.source.url}, read ${column.source.read}. Bulk senders: ${column.bulkSenders}.`;
}
