import browser from 'webextension-polyfill';
import type { SourceInfo } from './protocol.js';

/** A message waiting for the report tab that is about to open. */
export interface Stashed {
  raw: string;
  source: SourceInfo;
}

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * storage.session survives the worker being stopped between the stash and the take (Chrome
 * stops idle service workers after 30 s) and is never written to disk. It holds 10 MB in all,
 * less than a message Hoplens accepts; a stash it refuses, or one where it is missing, stays in
 * this worker's memory, which lasts the moment until the report tab takes it.
 */
function sessionArea(): SessionArea | null {
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
