import type { Report } from '../core/report/types.js';
import { loadSettings, type Settings } from '../settings.js';
import type { ReportStore } from './analysis.js';
import { MAX_KEPT_REPORTS } from '../retention.js';
import { sessionArea } from './stash.js';

/**
 * Reports of messages already analysed, so that a message displayed again (or its popup opened
 * after the automatic check) costs no DNS query. Kept in storage.session, which outlives the
 * background page's idle stops and is never written to disk, with this page's memory in front
 * and as the fallback; at most MAX_KEPT_REPORTS, the least recently used dropped first.
 */
const PREFIX = 'report:';
const INDEX = 'reportCacheKeys';
const memory = new Map<string, Report>();

/** The message's bytes (SHA-256) and the settings that decide its DNS answers. */
export async function reportKey(raw: string | Uint8Array, settings: Settings): Promise<string> {
  const bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  const resolver = settings.noDns ? 'no-dns' : settings.resolver === 'custom' ? settings.customResolverUrl : settings.resolver;
  return `${hex} ${resolver}`;
}

export async function cachedReport(key: string): Promise<Report | null> {
  const held = memory.get(key);
  if (held) return held;
  const area = sessionArea();
  if (!area) return null;
  try {
    const report = (await area.get(PREFIX + key))[PREFIX + key] as Report | undefined;
    if (report) memory.set(key, report);
    return report ?? null;
  } catch {
    return null;
  }
}

// Writes one at a time: each reads and rewrites the key index.
let writing: Promise<void> = Promise.resolve();

export function keepReport(key: string, report: Report): Promise<void> {
  memory.delete(key);
  memory.set(key, report);
  while (memory.size > MAX_KEPT_REPORTS) memory.delete(memory.keys().next().value!);
  writing = writing.then(() => persist(key, report));
  return writing;
}

async function persist(key: string, report: Report): Promise<void> {
  const area = sessionArea();
  if (!area) return;
  try {
    const keys = ((await area.get(INDEX))[INDEX] as string[] | undefined)?.filter((k) => k !== key) ?? [];
    keys.push(key);
    const dropped = keys.splice(0, Math.max(0, keys.length - MAX_KEPT_REPORTS));
    if (dropped.length) await area.remove(dropped.map((k) => PREFIX + k));
    await area.set({ [PREFIX + key]: report, [INDEX]: keys });
  } catch {
    // Over the session quota: this page's memory still holds it.
  }
}

/** The store as the analysis code takes it, keyed under the settings of the moment. */
export const reportCache: ReportStore = {
  key: async (raw) => reportKey(raw, await loadSettings()),
  get: cachedReport,
  put: keepReport,
};
