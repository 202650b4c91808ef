import type { CheckMeta } from './types.js';

/** Each check's metadata by its name, as a report carries it for views and exporters. */
export type CheckMetaByName = Readonly<Record<string, CheckMeta>>;

/**
 * The metadata of the check named `name`; a name the map does not hold (a result from another
 * version) keeps its own name as its labels and comes last.
 */
export function metaOf(metas: CheckMetaByName, name: string): CheckMeta {
  return metas[name] ?? { label: name, shortLabel: name, summaryRank: Number.MAX_SAFE_INTEGER, section: 'checks', locale: null };
}

/** The map for a list of checks, in their order. */
export function metaByName(checks: readonly { name: string; meta: CheckMeta }[]): CheckMetaByName {
  return Object.fromEntries(checks.map((c) => [c.name, c.meta]));
}
