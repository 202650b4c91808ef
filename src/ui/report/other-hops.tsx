import { ResultCounts } from '../components/result-counts.js';
import { t } from '../../i18n.js';
import { CheckCard } from './check-card.js';
import { cardId, type PlacedCheck } from './check-groups.js';

/**
 * Results about hops other than the sender (internal relays, private addresses that were never
 * looked up) behind one disclosure whose label counts them by result word, so none goes unseen.
 */
export function OtherHops({ checks, variant }: { checks: readonly PlacedCheck[]; variant: 'card' | 'row' }) {
  if (checks.length === 0) return null;
  return (
    <details class="other-hops" data-testid="other-hops">
      <summary>
        <span class="other-hops-label">{t('otherHops', [checks.length])}</span> <ResultCounts checks={checks} />
      </summary>
      {checks.map(({ result, position }) => (
        <CheckCard key={position} id={cardId(position)} result={result} variant={variant} />
      ))}
    </details>
  );
}
