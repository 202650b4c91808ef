import browser from 'webextension-polyfill';
import type { LastAnalysisLabel, SourceInfo } from '../worker-protocol.js';

/** A message waiting for the report tab that is about to open. */
export interface Stashed {
  raw: string;
  source: SourceInfo;
}

export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * storage.session survives the worker being stopped between the stash and the take (Chrome
 * stops idle service workers after 30 s) and is never written to disk. It holds 10 MB in all,
 * less than a message Hoplens accepts; a stash it refuses, or one where it is missing, stays in
 * this worker's memory, which lasts the moment until the report tab takes it.
 */
export function sessionArea(): SessionArea | null {
  const area = (browser.storage as unknown as { session?: SessionArea }).session;
  return area ?? null;
}

const memory = new Map<string, Stashed>();
const PREFIX = 'stash:';

export async function stash(item: Stashed): Promise<string> {
  const id = crypto.randomUUID();
  const area = sessionArea();
  if (area) {
    try {
      await area.set({ [PREFIX + id]: item });
      return id;
    } catch {
      // Over the session quota: kept in memory instead.
    }
  }
  memory.set(id, item);
  return id;
}

/** Each stash is handed out once. */
export async function takeStash(id: string): Promise<Stashed | null> {
  const held = memory.get(id);
  if (held) {
    memory.delete(id);
    return held;
  }
  const area = sessionArea();
  if (!area) return null;
  const key = PREFIX + id;
  const item = (await area.get(key))[key] as Stashed | undefined;
  await area.remove(key);
  return item ?? null;
}

/**
 * The popup's last analysis, kept until the next one replaces it so that closing the popup
 * does not lose it. Its keys lie outside PREFIX: take-stash can never hand it out or remove it.
 * Label and message are written in one set (all or nothing) so they always belong together; the
 * subject, known only once the analysis has read the message, is a key of its own tied to the
 * id, so that a late subject of an older analysis never labels a newer one.
 */
const LAST_LABEL = 'last-analysis:label';
const LAST_RAW = 'last-analysis:raw';
const LAST_SUBJECT = 'last-analysis:subject';

interface LastLabel {
  id: string;
  source: SourceInfo;
}

interface LastSubject {
  id: string;
  subject: string;
}

let lastInMemory: { label: LastLabel; raw: string; subject: string | null } | null = null;

/** Replaces the last analysis; the id names it for nameLast. */
export async function rememberLast(item: Stashed): Promise<string> {
  const id = crypto.randomUUID();
  const label: LastLabel = { id, source: item.source };
  lastInMemory = null;
  const area = sessionArea();
  if (area) {
    // The previous one goes first: it must not count against the quota when the next is written.
    await area.remove([LAST_LABEL, LAST_RAW, LAST_SUBJECT]);
    try {
      await area.set({ [LAST_LABEL]: label, [LAST_RAW]: item.raw });
      return id;
    } catch {
      // Over the session quota: kept in memory instead.
    }
  }
  lastInMemory = { label, raw: item.raw, subject: null };
  return id;
}

/** Adds the subject to the last analysis if `id` is still the last one. */
export async function nameLast(id: string, subject: string): Promise<void> {
  if (lastInMemory) {
    if (lastInMemory.label.id === id) lastInMemory.subject = subject;
    return;
  }
  const area = sessionArea();
  if (area) await area.set({ [LAST_SUBJECT]: { id, subject } satisfies LastSubject });
}

/** What the last analysis was, without its message. */
export async function lastAnalysisLabel(): Promise<LastAnalysisLabel | null> {
  if (lastInMemory) return { subject: lastInMemory.subject, source: lastInMemory.label.source };
  const area = sessionArea();
  if (!area) return null;
  const items = await area.get([LAST_LABEL, LAST_SUBJECT]);
  const label = items[LAST_LABEL] as LastLabel | undefined;
  if (!label) return null;
  const named = items[LAST_SUBJECT] as LastSubject | undefined;
  return { subject: named?.id === label.id ? named.subject : null, source: label.source };
}

/** The last analysis's message, to run it again; it stays the last one. */
export async function recallLast(): Promise<Stashed | null> {
  if (lastInMemory) return { raw: lastInMemory.raw, source: lastInMemory.label.source };
  const area = sessionArea();
  if (!area) return null;
  const items = await area.get([LAST_LABEL, LAST_RAW]);
  const label = items[LAST_LABEL] as LastLabel | undefined;
  const raw = items[LAST_RAW];
  return label && typeof raw === 'string' ? { raw, source: label.source } : null;
}
