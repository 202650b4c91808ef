import { cachingResolver, type CacheStats } from './cache.js';
import { parseResolverUrl } from './endpoint.js';
import { canonicalName } from './names.js';
import { DnsError, type DnsAnswer, type Question, type QueryOptions, type Resolver, type RRType } from './types.js';
import { base64url, decodeAnswer, encodeQuery } from './wire.js';

export interface DohOptions {
  /** Per attempt, body included. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** GET is the default: RFC 8484 §4.1 makes it the cache-friendly form. */
  method?: 'GET' | 'POST';
  maxEntries?: number;
  /** Milliseconds clock for the cache, injectable for tests. */
  now?: () => number;
}

export interface DohStats extends CacheStats {
  /** HTTP requests sent, retries and GET→POST fallbacks included. */
  sent: number;
}

export type DohResolver = Resolver & { stats(): DohStats };

const DEFAULT_TIMEOUT_MS = 4000;
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
  /** Per URL: POST once its GET was refused with 405 or 415. */
  const methods = new Map<string, 'GET' | 'POST'>();
  let preferred = 0;
  let sent = 0;

  function send(endpoint: string, method: 'GET' | 'POST', message: Uint8Array, signal: AbortSignal): Promise<Response> {
    sent++;
    const common = { signal, credentials: 'omit', cache: 'no-store' } as const;
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
      throw new DnsError('http', `HTTP ${response.status} ${response.statusText} from ${endpoint}`.trimEnd(), question, endpoint);
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== DNS_MESSAGE) {
      await discard(response);
      throw new DnsError('malformed', `${endpoint} answered with ${contentType || 'no content type'} instead of ${DNS_MESSAGE}`, question, endpoint);
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  async function attempt(endpoint: string, question: Question, signal?: AbortSignal): Promise<DnsAnswer> {
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

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
