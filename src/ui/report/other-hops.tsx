import { useState } from 'preact/hooks';
import { ResultCounts } from '../components/result-counts.js';
import { t } from '../../i18n.js';
import { CheckCard } from './check-card.js';
import { cardId, type PlacedCheck } from './check-groups.js';
import { REVEAL_STEP } from './hop-window.js';

/** Cards rendered before "show more": a stuffed route has thousands of other hops' results. */
const FIRST_CARDS = 50;

/**
 * Results about hops other than the sender (internal relays, private addresses that were never
 * looked up) behind one disclosure whose label counts them by result word, so none goes unseen.
 */
export function OtherHops({ checks, variant }: { checks: readonly PlacedCheck[]; variant: 'card' | 'row' }) {
  const [limit, setLimit] = useState(FIRST_CARDS);
  if (checks.length === 0) return null;
  const rest = checks.length - limit;
  return (
    <details class="other-hops" data-testid="other-hops">
      <summary>
        <span class="other-hops-label">{t('otherHops', [checks.length])}</span> <ResultCounts checks={checks} />
      </summary>
      {checks.slice(0, limit).map(({ result, position }) => (
        <CheckCard key={position} id={cardId(position)} result={result} variant={variant} />
      ))}
      {rest > 0 && (
        <button type="button" class="small quiet" data-testid="show-more-results" onClick={() => setLimit(limit + REVEAL_STEP)}>
          {t('showMoreHops', [Math.min(rest, REVEAL_STEP)])}
        </button>
      )}
    </details>
  );
}
