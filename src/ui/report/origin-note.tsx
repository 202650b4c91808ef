import type { Route } from '../../core/route/types.js';
import { formatDelay } from '../../core/report/exporters/hop-text.js';
import { t } from '../i18n.js';

interface Props {
  route: Route;
  /** The hop the user picked, when they overrode the route's own choice. */
  chosenHop: number | undefined;
  onAutomatic: () => void;
  busy: boolean;
}

/** Which hop is the sender and why, as the route says; and the way back from a manual pick. */
export function OriginNote({ route, chosenHop, onAutomatic, busy }: Props) {
  const { origin } = route;
  return (
    <div class="origin-note" data-testid="origin-note">
      {origin ? (
        <>
          <p>
            <strong>{t('originTitle', [origin.hopIndex + 1])}</strong> <span class="mono">{origin.ip}</span>{' '}
            <span class={`confidence confidence-${origin.confidence}`}>{t(`confidence_${origin.confidence}`)}</span>
          </p>
          {origin.reasons.length > 0 && (
            <ul class="reasons" aria-label={t('originReasons')}>
              {origin.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>
          <strong>{t('originNone')}</strong> {route.originMissingReason}
        </p>
      )}
      {chosenHop !== undefined && (
        <p>
          {t('originChosenByYou', [chosenHop + 1])}{' '}
          <button type="button" class="small" onClick={onAutomatic} disabled={busy}>
            {t('originAutomatic')}
          </button>
        </p>
      )}
      {route.totalTransitSeconds !== null && <p class="muted">{t('totalTransit', [formatDelay(route.totalTransitSeconds)])}</p>}
    </div>
  );
}
