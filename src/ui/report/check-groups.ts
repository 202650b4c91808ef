import type { AnyVerdict } from '../../core/checks/types.js';

/** A check result with its place in the report's list, which names its card on the page. */
export interface PlacedCheck {
  result: AnyVerdict;
  position: number;
}

export interface CheckGroups {
  /** About the sender hop, or about the message as a whole (no hop): shown first and in full. */
  sender: PlacedCheck[];
  /** About a forward's original sender (the second origin): shown next, in full, under its own name. */
  original: PlacedCheck[];
  /** About the other hops of the route: relays and the receivers' internal hand-overs. */
  others: PlacedCheck[];
}

/**
 * Splits the results by whom they are about. Without a sender hop every result stays in the
 * first group, so that nothing is tucked away when there is nothing to put first.
 */
export function groupBySender(checks: readonly AnyVerdict[], originHop: number | null, originalHop: number | null = null): CheckGroups {
  const groups: CheckGroups = { sender: [], original: [], others: [] };
  checks.forEach((result, position) => {
    const group =
      result.hopIndex !== null && result.hopIndex === originalHop
        ? 'original'
        : originHop !== null && result.hopIndex !== null && result.hopIndex !== originHop
          ? 'others'
          : 'sender';
    groups[group].push({ result, position });
  });
  return groups;
}

/** "3 not-checked, 1 temperror": how many results carry each word, in order of first appearance. */
export function countByResult(checks: readonly PlacedCheck[]): { result: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { result } of checks) counts.set(result.result, (counts.get(result.result) ?? 0) + 1);
  return [...counts].map(([result, count]) => ({ result, count }));
}

const SEVERITY_ORDER = ['ok', 'info', 'warning', 'error'] as const;

/** The most serious severity among the results, as the core rated them. */
export function worstSeverity(checks: readonly PlacedCheck[]): AnyVerdict['severity'] {
  let worst = 0;
  for (const { result } of checks) worst = Math.max(worst, SEVERITY_ORDER.indexOf(result.severity));
  return SEVERITY_ORDER[worst]!;
}

/** The id of a result's card, for links from the verdict strip. */
export function cardId(position: number): string {
  return `check-${position}`;
}
