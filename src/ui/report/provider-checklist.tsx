import type { Mark } from '../../core/checks/providers/evaluate.js';
import { checklistTable, MARKS, TIER_NAMES, type ChecklistTable } from '../../core/report/checklist.js';
import type { AnyVerdict } from '../../core/checks/types.js';
import type { CheckResult } from '../../core/checks/index.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/**
 * The report's first answer: will Gmail, Yahoo and Outlook.com accept this sender? One row per
 * published requirement, one column per provider, ✓ / ✗ / ? with the words for screen readers,
 * and the evidence under the requirement. The core judged every line; this only shows them.
 */
export function ProviderChecklist({ checks }: { checks: readonly AnyVerdict[] }) {
  const table = checklistTable(checks as readonly CheckResult[]);
  if (table === null) return null;
  return (
    <section class="checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">{t('checklistTitle')}</h2>
      <ul class="checklist-summary">
        {table.columns.map((c) => (
          <li key={c.name} class={`sev-${c.severity}`}>
            <Inert text={c.summary} max={null} />
          </li>
        ))}
      </ul>
      <div class="table-scroll">
        <table class="checklist-table">
          <thead>
            <tr>
              <th scope="col">{t('checklistRequirement')}</th>
              {table.columns.map((c) => (
                <th key={c.name} scope="col" class="mark-col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <Rows table={table} />
        </table>
      </div>
      <p class="muted small-text">{t('checklistLegend')}</p>
      <details class="checklist-sources">
        <summary>{t('checklistSources')}</summary>
        <ul>
          {table.columns.map((c) => (
            <li key={c.name}>
              <strong>{c.name}</strong>: {c.source.title}, <span class="mono">{c.source.url}</span>, {t('checklistRead', [c.source.read])}.{' '}
              {t('checklistBulk', [c.bulkSenders])}
              {c.notInMessage.length > 0 && (
                <>
                  {' '}
                  {t('checklistNotInMessage')}
                  <ul>
                    {c.notInMessage.map((n) => (
                      <li key={n.text}>
                        {TIER_NAMES[n.tier]}: {n.text}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function Rows({ table }: { table: ChecklistTable }) {
  return (
    <>
      {(['all', 'bulk'] as const).map((tier) => {
        const rows = table.rows.filter((r) => r.tier === tier);
        if (rows.length === 0) return null;
        return (
          <tbody key={tier}>
            <tr class="tier-row">
              <th scope="colgroup" colSpan={table.columns.length + 1}>
                {TIER_NAMES[tier]}
              </th>
            </tr>
            {rows.map((row) => (
              <tr key={row.requirement} data-requirement={row.requirement}>
                <th scope="row">
                  {row.label}
                  {row.evidence.map((e, i) => (
                    <span key={i} class="evidence-line">
                      <Inert text={e} />
                    </span>
                  ))}
                </th>
                {row.marks.map((m, i) => (
                  <td key={i} class={`mark-cell ${m ?? 'unlisted'}`}>
                    <MarkCell mark={m} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </>
  );
}

function MarkCell({ mark }: { mark: Mark | null }) {
  if (mark === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span class="sr-only">{t('checklistUnlisted')}</span>
      </>
    );
  }
  return (
    <span class="mark" title={MARKS[mark].words}>
      <span aria-hidden="true">{MARKS[mark].symbol}</span>
      <span class="sr-only">{MARKS[mark].words}</span>
    </span>
  );
}
