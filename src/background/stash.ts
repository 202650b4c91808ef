import browser from 'webextension-polyfill';
import { readMessage } from '../core/message/read.js';
import { normalizePaste } from '../core/message/paste.js';
import { InputError } from '../core/message/types.js';
import { capText } from '../core/text/cap.js';
import { LAST_TTL_MS, STASH_TTL_MS } from '../retention.js';
import type { LastAnalysisLabel, SourceInfo } from '../worker-protocol.js';
import { messageText } from './message-text.js';

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
    if (key === LAST_LABEL && expired) return [LAST_LABEL, LAST_RAW];
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
 * Label and message are written in one set (all or nothing) so they always belong together. The
 * label's subject is read here from the header block, not sent later by the popup: the browser
 * closes the popup on any click outside, and a name that waited for a second message from it
 * would be lost whenever it closed between the two.
 */
const LAST_LABEL = 'last-analysis:label';
const LAST_RAW = 'last-analysis:raw';

interface LastLabel {
  source: SourceInfo;
  /** Decoded (RFC 2047) and cut to SHOWN_CHARS: the popup asks for the label each time it opens. */
  subject: string | null;
  expiresAt: number;
}

let lastInMemory: { label: LastLabel; raw: string } | null = null;

/**
 * The last write, which every read and the next write wait for: a popup opened while the one
 * before it is still being remembered gets that one, not the one it replaces.
 */
let lastWrite: Promise<void> = Promise.resolve();

/** The header block of a message, as the paste clean-up finds it; the body is dropped. */
function headerBlock(raw: string): string {
  return `${normalizePaste(raw).headerLines.join('\r\n')}\r\n`;
}

/**
 * The subject the analysis of this header block shows (the same reading of the same fields),
 * cut so that a megabyte Subject costs the label nothing; null when it has none or the block is
 * no message, and the offer names the source instead.
 */
async function subjectOf(block: string, source: SourceInfo): Promise<string | null> {
  let subject: string | null;
  try {
    subject = (await readMessage(messageText(block, source))).info.subject;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
  if (subject === null) return null;
  const cut = capText(subject);
  return cut ? `${cut.head}…` : subject;
}

/** Replaces the last analysis, named by its subject. */
export function rememberLast(message: Stashed): Promise<void> {
  const write = lastWrite.then(() => writeLast(message));
  lastWrite = write.catch(() => {
    // The caller hears of it; the next write and the reads go on.
  });
  return write;
}

async function writeLast(message: Stashed): Promise<void> {
  const raw = headerBlock(message.raw);
  const label: LastLabel = { source: message.source, subject: await subjectOf(raw, message.source), expiresAt: Date.now() + LAST_TTL_MS };
  lastInMemory = null;
  const area = sessionArea();
  if (area) {
    // The previous one goes first: it must not count against the quota when the next is written.
    await area.remove([LAST_LABEL, LAST_RAW]);
    try {
      await area.set({ [LAST_LABEL]: label, [LAST_RAW]: raw });
      return;
    } catch {
      // Over the session quota: kept in memory instead.
    }
  }
  lastInMemory = { label, raw };
}

/** True (and the last analysis removed) once it has been kept LAST_TTL_MS. */
async function lastExpired(label: LastLabel): Promise<boolean> {
  if (Date.now() <= label.expiresAt) return false;
  lastInMemory = null;
  await sessionArea()?.remove([LAST_LABEL, LAST_RAW]);
  return true;
}

/**
 * The last analysis while it is kept, from memory or the session area. Without `withRaw` the
 * message is not read: the popup asks for the label each time it opens, and a message may be
 * megabytes.
 */
async function readLast(withRaw: boolean): Promise<{ label: LastLabel; raw: string | null } | null> {
  await lastWrite;
  if (lastInMemory) return (await lastExpired(lastInMemory.label)) ? null : lastInMemory;
  const area = sessionArea();
  if (!area) return null;
  const items = await area.get(withRaw ? [LAST_LABEL, LAST_RAW] : [LAST_LABEL]);
  const label = items[LAST_LABEL] as LastLabel | undefined;
  if (!label || (await lastExpired(label))) return null;
  const raw = items[LAST_RAW];
  return { label, raw: typeof raw === 'string' ? raw : null };
}

/** What the last analysis was, without its message. */
export async function lastAnalysisLabel(): Promise<LastAnalysisLabel | null> {
  const last = await readLast(false);
  return last && { subject: last.label.subject, source: last.label.source };
}

/** The last analysis's message, to run it again; it stays the last one. */
export async function recallLast(): Promise<Stashed | null> {
  const last = await readLast(true);
  return last === null || last.raw === null ? null : { raw: last.raw, source: last.label.source };
}
