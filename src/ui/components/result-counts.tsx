import { countByResult, worstSeverity, type PlacedCheck } from '../report/check-groups.js';
import { ResultBadge } from './result-badge.js';

/** One badge per result word with how many results carry it: "not-checked ×3", "temperror". */
export function ResultCounts({ checks }: { checks: readonly PlacedCheck[] }) {
  return (
    <span class="result-counts">
      {countByResult(checks).map(({ result, count }) => (
        <ResultBadge
          key={result}
          result={count > 1 ? `${result} ×${count}` : result}
          severity={worstSeverity(checks.filter((c) => c.result.result === result))}
        />
      ))}
    </span>
  );
}
