import { DEFAULT_TIMEOUT_MS } from './builtin.js';
import { cachingResolver, type CacheStats } from './cache.js';
import { parseResolverUrl } from './endpoint.js';
import { canonicalName } from '../hostnames/canonical.js';
import { pool, type Pool } from './pool.js';
import { DnsError, type DnsAnswer, type Question, type QueryOptions, type Resolver, type RRType } from './types.js';
import { base64url, decodeAnswer, encodeQuery } from './wire.js';

export interface DohOptions {
  /**
   * Per attempt, from the moment the request leaves (time spent waiting for a free slot does
   * not count) until the last byte of the answer. A failed attempt is retried once, so one
   * question can take twice this long.
   */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** GET is the default: RFC 8484 §4.1 makes it the cache-friendly form. */
  method?: 'GET' | 'POST';
  maxEntries?: number;
  /** Milliseconds clock for the cache and for Retry-After, injectable for tests. */
  now?: () => number;
  /** Requests on the wire at once per resolver URL; more wait their turn. */
  maxInFlight?: number;
  /** How a Retry-After wait is spent; injectable so that tests see the waits without spending them. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface DohStats extends CacheStats {
  /** HTTP requests sent, retries and GET→POST fallbacks included. */
  sent: number;
}

export type DohResolver = Resolver & { stats(): DohStats };

/**
 * Requests in flight per resolver URL. Browsers keep about six HTTP/1.1 connections per host
 * and stub resolvers a handful of outstanding queries per server; a typical analysis needs
 * a few dozen questions, and a stuffed message must not turn into thousands of sockets.
 */
export const DEFAULT_MAX_IN_FLIGHT = 16;
/** RFC 1035 §4.2.2: a DNS message's length is a 16-bit count, so no answer is longer (RFC 8484 §6 carries it unchanged). */
export const MAX_MESSAGE_BYTES = 65_535;
/** The longest Retry-After Hoplens waits for before its one retry; asked to wait longer, it does not ask that server again until then. */
export const MAX_RETRY_AFTER_MS = 5000;
/** A 429 without Retry-After still means "not at once". */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1000;
const DNS_MESSAGE = 'application/dns-message';
/** RFC 8484 §4.1: id 0 lets HTTP caches share answers; the answer is checked by its question. */
const QUERY_ID = 0;
const RETRYABLE = new Set<DnsError['kind']>(['timeout', 'network', 'http']);

/**
 * A DNS-over-HTTPS resolver (RFC 8484 wire format) with its cache in front: the resolver a
 * caller gets never puts the same question on the wire twice at once and answers repeats from
 * cache. Keep one per worker or process so that all analyses share it.
 * A failed attempt (timeout, network or HTTP error, SERVFAIL) is retried once on the next URL
 * in the list, or on the same one when there is only one; after a failure the URL that
 * answered is asked first from then on.
 */
export function dohResolver(url: string | string[], options: DohOptions = {}): DohResolver {
  const transport = dohTransport(Array.isArray(url) ? url : [url], options);
  const cached = cachingResolver(transport, { maxEntries: options.maxEntries, now: options.now });
  return {
    label: cached.label,
    query: (name, type, queryOptions) => cached.query(name, type, queryOptions),
    stats: () => ({ ...cached.stats(), sent: transport.sent() }),
  };
}

function dohTransport(urls: string[], options: DohOptions): Resolver & { sent(): number } {
  if (urls.length === 0) throw new Error('dohResolver needs at least one resolver URL');
  const endpoints = urls.map((u) => parseResolverUrl(u).href);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const label = endpoints.join(', ');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  /** Per URL: POST once its GET was refused with 405 or 415. */
  const methods = new Map<string, 'GET' | 'POST'>();
  const pools = new Map<string, Pool>(endpoints.map((e) => [e, pool(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)]));
  /** Per URL: no request before this time (ms), as its last 429 or 503 asked (RFC 9110 §10.2.3). */
  const pausedUntil = new Map<string, number>();
  let preferred = 0;
  let sent = 0;

  function send(endpoint: string, method: 'GET' | 'POST', message: Uint8Array, signal: AbortSignal): Promise<Response> {
    sent++;
    // A resolver that redirects would have answers believed and labelled with the configured
    // URL that came from somewhere else, even over plain http: no DoH client should follow.
    const common = { signal, credentials: 'omit', cache: 'no-store', redirect: 'error' } as const;
    if (method === 'POST') {
      return fetchFn(endpoint, {
        ...common,
        method: 'POST',
        headers: { accept: DNS_MESSAGE, 'content-type': DNS_MESSAGE },
        body: message as Uint8Array<ArrayBuffer>,
      });
    }
    const target = new URL(endpoint);
    const param = `dns=${base64url(message)}`;
    target.search = target.search ? `${target.search}&${param}` : `?${param}`;
    return fetchFn(target.href, { ...common, method: 'GET', headers: { accept: DNS_MESSAGE } });
  }

  async function exchange(endpoint: string, question: Question, signal: AbortSignal): Promise<Uint8Array> {
    const message = encodeQuery(question, QUERY_ID);
    const method = methods.get(endpoint) ?? options.method ?? 'GET';
    let response = await send(endpoint, method, message, signal);
    if (method === 'GET' && (response.status === 405 || response.status === 415)) {
      methods.set(endpoint, 'POST');
      await discard(response);
      response = await send(endpoint, 'POST', message, signal);
    }
    if (!response.ok) {
      await discard(response);
      const status = `HTTP ${response.status} ${response.statusText}`.trimEnd();
      const waitMs = rateLimitWait(response);
      if (waitMs === null) throw new DnsError('http', `${status} from ${endpoint}`, question, endpoint);
      pausedUntil.set(endpoint, now() + waitMs);
      throw new DnsError('http', `${status} from ${endpoint}, which asked to wait ${seconds(waitMs)} before asking again`, question, endpoint);
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== DNS_MESSAGE) {
      await discard(response);
      throw new DnsError('malformed', `${endpoint} answered with ${contentType || 'no content type'} instead of ${DNS_MESSAGE}`, question, endpoint);
    }
    return readMessage(response, endpoint, question);
  }

  /** Waits out a Retry-After that is short enough; a longer one fails the attempt without sending it. */
  async function respectPause(endpoint: string, question: Question, signal?: AbortSignal): Promise<void> {
    const waitMs = (pausedUntil.get(endpoint) ?? 0) - now();
    if (waitMs <= 0) return;
    if (waitMs > MAX_RETRY_AFTER_MS) {
      throw new DnsError('http', `${endpoint} asked not to be asked again for ${seconds(waitMs)} (rate limited): not asked`, question, endpoint);
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await sleep(waitMs, controller.signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (signal?.aborted) throw new DnsError('aborted', `lookup of ${question.name} ${question.type} cancelled`, question, endpoint);
  }

  async function attempt(endpoint: string, question: Question, signal?: AbortSignal): Promise<DnsAnswer> {
    await respectPause(endpoint, question, signal);
    try {
      return await pools.get(endpoint)!.run(() => attemptNow(endpoint, question, signal), signal);
    } catch (error) {
      if (error instanceof DnsError) throw error;
      // Only a cancelled wait for a free slot rejects with something else.
      throw new DnsError('aborted', `lookup of ${question.name} ${question.type} cancelled`, question, endpoint);
    }
  }

  async function attemptNow(endpoint: string, question: Question, signal?: AbortSignal): Promise<DnsAnswer> {
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const body = await exchange(endpoint, question, controller.signal);
      const wire = decodeAnswer(body, question, QUERY_ID, endpoint);
      return { question, ...wire, resolver: endpoint, elapsedMs: Math.round(performance.now() - started), fromCache: false };
    } catch (error) {
      if (timedOut) throw new DnsError('timeout', `no answer from ${endpoint} within ${timeoutMs} ms`, question, endpoint);
      if (signal?.aborted) throw new DnsError('aborted', `lookup of ${question.name} ${question.type} cancelled`, question, endpoint);
      if (error instanceof DnsError) throw error;
      throw new DnsError('network', `cannot reach ${endpoint}: ${describe(error)}`, question, endpoint);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    label,
    sent: () => sent,
    async query(name: string, type: RRType, queryOptions: QueryOptions = {}): Promise<DnsAnswer> {
      const question = { name: canonicalName(name), type };
      const { signal } = queryOptions;
      if (signal?.aborted) throw new DnsError('aborted', `lookup of ${question.name} ${type} cancelled`, question, label);
      const first = preferred;
      const second = (first + 1) % endpoints.length;
      let failure: DnsAnswer | DnsError;
      try {
        const answer = await attempt(endpoints[first]!, question, signal);
        if (answer.rcode !== 'SERVFAIL') return answer;
        failure = answer;
      } catch (error) {
        if (!(error instanceof DnsError) || !RETRYABLE.has(error.kind)) throw error;
        failure = error;
      }
      let retry: DnsAnswer;
      try {
        retry = await attempt(endpoints[second]!, question, signal);
      } catch (error) {
        if (!(error instanceof DnsError) || !RETRYABLE.has(error.kind)) throw error;
        if (!(failure instanceof DnsError)) return failure;
        throw new DnsError(error.kind, retryMessage(failure.message, error.message), question, error.resolver);
      }
      if (retry.rcode !== 'SERVFAIL') preferred = second;
      return retry;
    },
  };
}

/** Both attempts' errors in one message, the same error only once. */
function retryMessage(first: string, second: string): string {
  return first === second ? `${second} (failed twice)` : `${second} (first attempt: ${first})`;
}

/**
 * The body, read as it arrives and never past MAX_MESSAGE_BYTES: a resolver that streams
 * without end must not fill the memory of the worker or the CLI.
 */
async function readMessage(response: Response, endpoint: string, question: Question): Promise<Uint8Array> {
  const tooLong = () =>
    new DnsError('malformed', `${endpoint} sent more than ${MAX_MESSAGE_BYTES} bytes, longer than any DNS message can be`, question, endpoint);
  if (Number(response.headers.get('content-length')) > MAX_MESSAGE_BYTES) {
    await discard(response);
    throw tooLong();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_MESSAGE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLong();
    }
    chunks.push(value);
  }
  const message = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    message.set(chunk, at);
    at += chunk.length;
  }
  return message;
}

/**
 * How long a 429 or 503 asks the client to wait (RFC 9110 §10.2.3 Retry-After: seconds or an
 * HTTP date; RFC 6585 §4 for 429), or null when the status asks for nothing of the kind.
 */
function rateLimitWait(response: Response): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return response.status === 429 ? DEFAULT_RATE_LIMIT_WAIT_MS : null;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return response.status === 429 ? DEFAULT_RATE_LIMIT_WAIT_MS : null;
  return Math.max(0, date - Date.now());
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${s} second${s === 1 ? '' : 's'}`;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
