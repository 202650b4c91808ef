import type { LastAnalysisLabel } from '../../worker-protocol.js';
import { capText } from '../../core/text/cap.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** Longest name shown on the button, its "…" included; the whole one is its tooltip. */
const SHOWN_NAME = 80;

/**
 * The way back to the analysis the user was reading when the popup closed, offered when the
 * tab has no message of its own. A plain button: in the tab order before the paste box, and
 * named by its text. The subject is the sender's text: inert, in its own <bdi>, and cut here
 * (a "show all" button cannot sit inside a button).
 */
export function LastAnalysisOffer({ last, onShow }: { last: LastAnalysisLabel; onShow: () => void }) {
  const name = last.subject ?? last.source.label;
  const cut = capText(name, SHOWN_NAME - 1);
  return (
    <div class="row">
      <button type="button" data-testid="show-last-analysis" title={cut ? name : undefined} onClick={onShow}>
        {t('lastAnalysisShow')} <Inert text={cut ? `${cut.head}…` : name} max={null} />
      </button>
    </div>
  );
}
