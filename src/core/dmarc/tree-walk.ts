import type { AskDmarc, TreeWalk, WalkStep } from './types.js';

/** RFC 9989 §4.10: "Author Domains with more than eight labels do not result in more than eight DNS queries". */
export const MAX_WALK_QUERIES = 8;
/** §4.10 step 4: a name of eight or more labels is shortened to seven after the first query. */
const SHORTENED_LABELS = MAX_WALK_QUERIES - 1;

/**
 * The domains a DNS Tree Walk from `start` asks about, in its order (RFC 9989 §4.10 steps 1,
 * 3, 4 and 7): the start itself, then its parent (or, from eight labels up, its last seven
 * labels), then one label less each time down to the top-level domain. At most eight.
 */
export function walkTargets(start: string): string[] {
  const labels = start.split('.');
  const targets = [start];
  const first = labels.length >= MAX_WALK_QUERIES ? labels.length - SHORTENED_LABELS : 1;
  for (let i = first; i < labels.length; i++) targets.push(labels.slice(i).join('.'));
  return targets;
}

/**
 * RFC 9989 §4.10. The names a walk can ask are fixed by the start's labels, so all of them go
 * out at once (one round trip, still at most eight queries); the answers are then read in the
 * RFC's order and the walk stops where the RFC stops it: at a single record carrying psd=y or
 * psd=n (steps 2 and 6). Answers past the stop are not read.
 */
export async function treeWalk(start: string, ask: AskDmarc): Promise<TreeWalk> {
  const answers = walkTargets(start).map(ask);
  // Those past a stop or a cancellation are never awaited: their rejections are handled here.
  for (const answer of answers) answer.catch(() => {});
  const steps: WalkStep[] = [];
  for (const answer of answers) {
    const step = await answer;
    steps.push(step);
    if (step.outcome === 'record' && step.record?.psd !== 'u') return { start, steps, stop: 'psd' };
  }
  return { start, steps, stop: 'end' };
}
