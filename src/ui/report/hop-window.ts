import { useState } from 'preact/hooks';
import type { Route } from '../../core/route/types.js';

/**
 * Routes up to this long are shown whole. Longer ones (mail loops, forwarding chains, headers
 * stuffed with made-up hops) show their oldest and newest hops, the sender hop with its
 * neighbours, and a row per run of hops left out that reveals them a hundred at a time: a page
 * of thousands of rows kept the report busy for seconds on every update.
 */
export const WHOLE_ROUTE = 40;
const ENDS = 6;
const AROUND_SENDER = 3;
export const REVEAL_STEP = 100;

/** A run of hops shown, or a run left out; from and to are hop indexes, both included. */
export type HopSegment = { kind: 'hops'; from: number; to: number } | { kind: 'gap'; from: number; to: number };

/** What to show of a route of `count` hops, with the ranges the user revealed. Linear in the count. */
export function hopSegments(count: number, sender: number | null, revealed: readonly (readonly [number, number])[]): HopSegment[] {
  if (count === 0) return [];
  if (count <= WHOLE_ROUTE) return [{ kind: 'hops', from: 0, to: count - 1 }];
  const shown = new Uint8Array(count);
  const mark = (from: number, to: number) => shown.fill(1, Math.max(0, from), Math.min(count, to + 1));
  mark(0, ENDS - 1);
  mark(count - ENDS, count - 1);
  if (sender !== null) mark(sender - AROUND_SENDER, sender + AROUND_SENDER);
  for (const [from, to] of revealed) mark(from, to);
  const segments: HopSegment[] = [];
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && shown[i] === shown[start]) continue;
    segments.push({ kind: shown[start] === 1 ? 'hops' : 'gap', from: start, to: i - 1 });
    start = i;
  }
  return segments;
}

/** The segments of a route and a way to reveal the next hops of a gap; revealed ranges reset with a new route. */
export function useHopWindow(route: Route): { segments: HopSegment[]; reveal(gap: HopSegment): void } {
  const [state, setState] = useState<{ route: Route; revealed: [number, number][] }>({ route, revealed: [] });
  const revealed = state.route === route ? state.revealed : [];
  return {
    segments: hopSegments(route.hops.length, route.origin?.hopIndex ?? null, revealed),
    reveal: (gap) => setState({ route, revealed: [...revealed, [gap.from, Math.min(gap.to, gap.from + REVEAL_STEP - 1)]] }),
  };
}

/** The hops of the shown segments, in order, and the gaps between them, for views that list rows. */
export function* segmentRows<T>(segments: readonly HopSegment[], items: readonly T[]): Generator<{ gap: HopSegment } | { item: T }> {
  for (const segment of segments) {
    if (segment.kind === 'gap') yield { gap: segment };
    else for (let i = segment.from; i <= segment.to; i++) yield { item: items[i] as T };
  }
}
