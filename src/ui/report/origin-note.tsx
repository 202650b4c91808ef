import type { Route } from '../../core/route/types.js';
import { formatDelay } from '../../core/report/exporters/hop-text.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

interface Props {
  route: Route;
  /** The hop the user picked, when they overrode the route's own choice. */
  chosenHop: number | undefined;
  onAutomatic: () => void;
  busy: boolean;
}

/**
 * Why the route names its sender hop (folded unless the route is unsure; the report's top names
 * the sender itself), the way back from a manual pick, and the total transit time.
 */
export function OriginNote({ route, chosenHop, onAutomatic, busy }: Props) {
  const { origin } = route;
  return (
    <div class="origin-note" data-testid="origin-note">
      {origin && origin.reasons.length > 0 && (
        <details class="reasons-box" open={origin.confidence === 'low'}>
          <summary>{t('originWhy', [origin.hopIndex + 1, origin.reasons.length])}</summary>
          <ul class="reasons" aria-label={t('originReasons')}>
            {origin.reasons.map((reason, i) => (
              <li key={i} data-kind={reason.kind}>
                <Inert text={reason.text} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {chosenHop !== undefined && (
        <p>
          {t('originChosenByYou', [chosenHop + 1])}{' '}
          <button type="button" class="small" onClick={onAutomatic} disabled={busy}>
            {t('originAutomatic')}
          </button>
        </p>
      )}
      {route.totalTransitSeconds !== null && route.totalTransitSeconds >= 0 && (
        <p class="muted">{t('totalTransit', [formatDelay(route.totalTransitSeconds)])}</p>
      )}
    </div>
  );
}
