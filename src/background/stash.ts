import browser from 'webextension-polyfill';
import { normalizePaste } from '../core/message/paste.js';
import { LAST_TTL_MS, STASH_TTL_MS } from '../retention.js';
import type { LastAnalysisLabel, SourceInfo } from '../worker-protocol.js';

/** A message waiting for the report tab that is about to open. */
export interface Stashed {
  raw: string;
  source: SourceInfo;
}

export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
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

interface Kept extends Stashed {
  /** Date.now() after which it is removed unread. */
  expiresAt: number;
}

const memory = new Map<string, Kept>();
const PREFIX = 'stash:';

export async function stash(item: Stashed): Promise<string> {
  const id = crypto.randomUUID();
  const kept: Kept = { ...item, expiresAt: Date.now() + STASH_TTL_MS };
  // While this worker lives; a worker stopped before then leaves it to sweepStale on its next start.
  setTimeout(() => void takeStash(id), STASH_TTL_MS);
  const area = sessionArea();
  if (area) {
    try {
      await area.set({ [PREFIX + id]: kept });
      return id;
    } catch {
      // Over the session quota: kept in memory instead.
    }
  }
  memory.set(id, kept);
  return id;
}

/** Each stash is handed out once, and not after it expired. */
export async function takeStash(id: string): Promise<Stashed | null> {
  const held = memory.get(id);
  if (held) {
    memory.delete(id);
    return fresh(held);
  }
  const area = sessionArea();
  if (!area) return null;
  const key = PREFIX + id;
  const item = (await area.get(key))[key] as Kept | undefined;
  await area.remove(key);
  return item ? fresh(item) : null;
}

function fresh({ raw, source, expiresAt }: Kept): Stashed | null {
  return typeof expiresAt === 'number' && Date.now() <= expiresAt ? { raw, source } : null;
}

/**
 * Run when the worker starts: removes the stashes no report tab took and a last analysis past
 * its time, which a stopped worker's timers could not remove. storage.session outlives the worker.
 */
export async function sweepStale(): Promise<void> {
  const area = sessionArea();
  if (!area) return;
  const items = await area.get(null);
  const now = Date.now();
  const stale = Object.entries(items).flatMap(([key, value]) => {
    const expiresAt = (value as { expiresAt?: unknown } | null)?.expiresAt;
    const expired = !(typeof expiresAt === 'number' && now <= expiresAt);
    if (key.startsWith(PREFIX) && expired) return [key];
    if (key === LAST_LABEL && expired) return [LAST_LABEL, LAST_RAW, LAST_SUBJECT];
    return [];
  });
  if (stale.length) await area.remove(stale);
}

/**
 * The popup's last analysis, kept until the next one replaces it or LAST_TTL_MS pass, so that
 * closing the popup does not lose it. Only its header block is kept: the offer runs the analysis
 * again, which reads the headers; the body (the message's content, read from a page perhaps
 * without the user asking) is never kept. A re-run therefore cannot check a DKIM body hash or
 * list attached messages, and says so as for any pasted header block. Its keys lie outside PREFIX: take-stash can never hand it out or remove it.
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
  expiresAt: number;
}

interface LastSubject {
  id: string;
  subject: string;
}

let lastInMemory: { label: LastLabel; raw: string; subject: string | null } | null = null;

/** The header block of a message, as the paste clean-up finds it; the body is dropped. */
function headerBlock(raw: string): string {
  return `${normalizePaste(raw).headerLines.join('\r\n')}\r\n`;
}

/** Replaces the last analysis; the id names it for nameLast. */
export async function rememberLast(message: Stashed): Promise<string> {
  const id = crypto.randomUUID();
  const item = { raw: headerBlock(message.raw), source: message.source };
  const label: LastLabel = { id, source: item.source, expiresAt: Date.now() + LAST_TTL_MS };
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

/** True (and the last analysis removed) once it has been kept LAST_TTL_MS. */
async function lastExpired(label: LastLabel): Promise<boolean> {
  if (Date.now() <= label.expiresAt) return false;
  lastInMemory = null;
  await sessionArea()?.remove([LAST_LABEL, LAST_RAW, LAST_SUBJECT]);
  return true;
}

/**
 * The last analysis while it is kept, from memory or the session area. Without `withRaw` the
 * message is not read: the popup asks for the label each time it opens, and a message may be
 * megabytes.
 */
async function readLast(withRaw: boolean): Promise<{ label: LastLabel; raw: string | null; subject: string | null } | null> {
  if (lastInMemory) return (await lastExpired(lastInMemory.label)) ? null : lastInMemory;
  const area = sessionArea();
  if (!area) return null;
  const items = await area.get(withRaw ? [LAST_LABEL, LAST_SUBJECT, LAST_RAW] : [LAST_LABEL, LAST_SUBJECT]);
  const label = items[LAST_LABEL] as LastLabel | undefined;
  if (!label || (await lastExpired(label))) return null;
  const named = items[LAST_SUBJECT] as LastSubject | undefined;
  const raw = items[LAST_RAW];
  return { label, raw: typeof raw === 'string' ? raw : null, subject: named?.id === label.id ? named.subject : null };
}

/** What the last analysis was, without its message. */
export async function lastAnalysisLabel(): Promise<LastAnalysisLabel | null> {
  const last = await readLast(false);
  return last && { subject: last.subject, source: last.label.source };
}

/** The last analysis's message, to run it again; it stays the last one. */
export async function recallLast(): Promise<Stashed | null> {
  const last = await readLast(true);
  return last === null || last.raw === null ? null : { raw: last.raw, source: last.label.source };
}
