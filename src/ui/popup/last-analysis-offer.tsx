import type { LastAnalysisLabel } from '../../worker-protocol.js';
import { t } from '../../i18n.js';

/** Longest subject shown on the button; the whole one is its tooltip. */
const SHOWN_SUBJECT = 80;

/**
 * The way back to the analysis the user was reading when the popup closed, offered when the
 * tab has no message of its own. A plain button: in the tab order before the paste box, and
 * named by its text.
 */
export function LastAnalysisOffer({ last, onShow }: { last: LastAnalysisLabel; onShow: () => void }) {
  const name = last.subject ?? last.source.label;
  const chars = Array.from(name);
  const shown = chars.length > SHOWN_SUBJECT ? `${chars.slice(0, SHOWN_SUBJECT - 1).join('')}…` : name;
  return (
    <div class="row">
      <button type="button" data-testid="show-last-analysis" title={shown === name ? undefined : name} onClick={onShow}>
        {t('lastAnalysisShow', shown)}
      </button>
    </div>
  );
}
