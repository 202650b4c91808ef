import type { Severity } from '../../core/checks/types.js';
import { t } from '../../i18n.js';

const ICONS: Record<Severity, string> = { ok: '✓', info: 'i', warning: '!', error: '✗' };

/** A result word in a colored badge; the word, an icon and hidden severity text carry the meaning, not the color. */
export function ResultBadge({ result, severity }: { result: string; severity: Severity }) {
  return (
    <span class={`badge sev-${severity}`} data-testid="result-badge">
      <span class="badge-icon" aria-hidden="true">
        {ICONS[severity]}
      </span>
      {result}
      <span class="sr-only"> ({t(`severity_${severity}`)})</span>
    </span>
  );
}
