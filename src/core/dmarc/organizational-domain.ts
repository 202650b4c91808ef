import type { OrgDomain, TreeWalk } from './types.js';

/**
 * RFC 9989 §4.10.2: the Organizational Domain from a walk's records, read from the longest
 * name to the shortest: a record with psd=n is it; a record with psd=y (other than at the
 * start) makes it the name one label below; otherwise the record with the fewest labels; no
 * record at all leaves the start itself. A step that failed before the walk's stop could have
 * held any of these, so the answer is then unknown, never a guess.
 */
export function organizationalDomain(walk: TreeWalk): OrgDomain {
  let fewest: string | null = null;
  for (const [i, step] of walk.steps.entries()) {
    if (step.failed) return { domain: null, rule: 'lookup-failed', failed: step.failed };
    if (step.outcome !== 'record' || step.record === null) continue;
    if (step.record.psd === 'n') return { domain: step.domain, rule: 'psd-n' };
    if (step.record.psd === 'y' && i > 0) return { domain: oneLabelBelow(walk.start, step.domain), rule: 'below-psd-y' };
    fewest = step.domain;
  }
  return fewest === null ? { domain: walk.start, rule: 'no-record' } : { domain: fewest, rule: 'fewest-labels' };
}

/** The name under `parent` on the way to `start`: for a.b.example.com under com, example.com. */
function oneLabelBelow(start: string, parent: string): string {
  const depth = parent.split('.').length + 1;
  return start.split('.').slice(-depth).join('.');
}
