import { describe, expect, it } from 'vitest';
import { cachingResolver } from '../../../src/core/dns/cache.js';
import { DnsError, type DnsAnswer, type DnsRecord, type QueryOptions, type Resolver, type RRType } from '../../../src/core/dns/types.js';

interface Pending {
  name: string;
  type: RRType;
  signal: AbortSignal | undefined;
  resolve(answer: DnsAnswer): void;
  reject(error: unknown): void;
}

/** An inner resolver whose questions wait until the test settles them. */
function controlled(): Resolver & { pending: Pending[] } {
  const pending: Pending[] = [];
  return {
    label: 'inner',
    pending,
    query(name: string, type: RRType, options: QueryOptions = {}) {
      return new Promise<DnsAnswer>((resolve, reject) => {
        pending.push({ name, type, signal: options.signal, resolve, reject });
        options.signal?.addEventListener('abort', () => reject(new DnsError('aborted', 'cancelled', { name, type }, 'inner')), { once: true });
      });
    },
  };
}

/** An inner resolver that answers at once with `make`. */
function immediate(make: (name: string, type: RRType) => DnsAnswer | Error): Resolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    label: 'inner',
    calls,
    async query(name: string, type: RRType) {
      calls.push(`${name} ${type}`);
      const result = make(name, type);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

function answer(name: string, type: RRType, rcode: string, answers: DnsRecord[], authority: DnsRecord[] = []): DnsAnswer {
  return { question: { name, type }, rcode, answers, authority, authenticated: false, extendedErrors: [], resolver: 'inner', elapsedMs: 5, fromCache: false };
}

const a = (name: string, ttl: number, data = '203.0.113.25'): DnsRecord => ({ name, ttl, type: 'A', data });
const soa = (ttl: number, minimum: number): DnsRecord => ({
  name: 'example.com',
  ttl,
  type: 'SOA',
  data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum },
});

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof DnsError ? error.kind : String(error);
  }
}

describe('cachingResolver TTLs', () => {
  it('keeps an answer for the smallest TTL of its records and counts TTLs down', async () => {
    const time = clock();
    const inner = immediate((name, type) => answer(name, type, 'NOERROR', [a(name, 300), a(name, 120, '203.0.113.26')]));
    const cache = cachingResolver(inner, { now: time.now });
    expect((await cache.query('mail.example.com', 'A')).fromCache).toBe(false);
    time.advance(119.5);
    const hit = await cache.query('MAIL.example.com.', 'A');
    expect(hit.fromCache).toBe(true);
    expect(hit.elapsedMs).toBe(0);
    expect(hit.answers.map((r) => r.ttl)).toEqual([181, 1]);
    expect(inner.calls).toHaveLength(1);
    time.advance(0.5);
    expect((await cache.query('mail.example.com', 'A')).fromCache).toBe(false);
    expect(inner.calls).toHaveLength(2);
  });

  it('keeps a negative answer for min(SOA TTL, SOA minimum) (RFC 2308)', async () => {
    const time = clock();
    const inner = immediate((name, type) => answer(name, type, 'NXDOMAIN', [], [soa(300, 60)]));
    const cache = cachingResolver(inner, { now: time.now });
    await cache.query('nope.example.com', 'A');
    time.advance(59);
    expect((await cache.query('nope.example.com', 'A')).fromCache).toBe(true);
    time.advance(1);
    expect((await cache.query('nope.example.com', 'A')).fromCache).toBe(false);
    expect(inner.calls).toHaveLength(2);
  });

  it('uses the SOA TTL when it is below the minimum, also for NODATA', async () => {
    const time = clock();
    const inner = immediate((name, type) => answer(name, type, 'NOERROR', [], [soa(30, 60)]));
    const cache = cachingResolver(inner, { now: time.now });
    await cache.query('nofwd.example.com', 'A');
    time.advance(29);
    expect((await cache.query('nofwd.example.com', 'A')).fromCache).toBe(true);
    time.advance(1);
    expect((await cache.query('nofwd.example.com', 'A')).fromCache).toBe(false);
  });

  it('does not keep a negative answer without SOA, nor a TTL of 0', async () => {
    const inner = immediate((name, type) => (name.startsWith('zero') ? answer(name, type, 'NOERROR', [a(name, 0)]) : answer(name, type, 'NXDOMAIN', [])));
    const cache = cachingResolver(inner);
    await cache.query('nope.example', 'A');
    await cache.query('nope.example', 'A');
    await cache.query('zero.example', 'A');
    await cache.query('zero.example', 'A');
    expect(inner.calls).toHaveLength(4);
  });

  it('keeps SERVFAIL and transport errors for 5 seconds only', async () => {
    const time = clock();
    const inner = immediate((name, type) =>
      name === 'down.example' ? new DnsError('timeout', 'no answer', { name, type }, 'inner') : answer(name, type, 'SERVFAIL', []),
    );
    const cache = cachingResolver(inner, { now: time.now });
    await cache.query('broken.example', 'A');
    expect(await kindOf(cache.query('down.example', 'A'))).toBe('timeout');
    time.advance(4.9);
    expect((await cache.query('broken.example', 'A')).fromCache).toBe(true);
    expect(await kindOf(cache.query('down.example', 'A'))).toBe('timeout');
    expect(inner.calls).toHaveLength(2);
    time.advance(0.1);
    await cache.query('broken.example', 'A');
    await kindOf(cache.query('down.example', 'A'));
    expect(inner.calls).toHaveLength(4);
  });

  it('keys by type as well as name', async () => {
    const inner = immediate((name, type) => answer(name, type, 'NOERROR', [a(name, 300)]));
    const cache = cachingResolver(inner);
    await cache.query('mail.example.com', 'A');
    await cache.query('mail.example.com', 'AAAA');
    expect(inner.calls).toEqual(['mail.example.com A', 'mail.example.com AAAA']);
  });
});

describe('cachingResolver size', () => {
  it('holds at most maxEntries, dropping the least recently used', async () => {
    const inner = immediate((name, type) => answer(name, type, 'NOERROR', [a(name, 300)]));
    const cache = cachingResolver(inner, { maxEntries: 2 });
    await cache.query('one.example', 'A');
    await cache.query('two.example', 'A');
    await cache.query('one.example', 'A');
    await cache.query('three.example', 'A');
    expect(cache.stats().entries).toBe(2);
    expect((await cache.query('one.example', 'A')).fromCache).toBe(true);
    expect((await cache.query('two.example', 'A')).fromCache).toBe(false);
    expect(inner.calls).toEqual(['one.example A', 'two.example A', 'three.example A', 'two.example A']);
  });
});

describe('cachingResolver in-flight deduplication', () => {
  it('sends two concurrent identical questions once; the second shares the answer', async () => {
    const inner = controlled();
    const cache = cachingResolver(inner);
    const first = cache.query('mail.example.com', 'A');
    const second = cache.query('Mail.Example.com.', 'A');
    expect(inner.pending).toHaveLength(1);
    expect(cache.stats().inFlight).toBe(1);
    inner.pending[0]!.resolve(answer('mail.example.com', 'A', 'NOERROR', [a('mail.example.com', 300)]));
    const [x, y] = await Promise.all([first, second]);
    expect(x.fromCache).toBe(false);
    expect(y.fromCache).toBe(true);
    expect(y.answers).toEqual(x.answers);
    expect(cache.stats()).toMatchObject({ asked: 2, shared: 1, inFlight: 0 });
  });

  it('shares a failure with every waiter', async () => {
    const inner = controlled();
    const cache = cachingResolver(inner);
    const both = [cache.query('down.example', 'A'), cache.query('down.example', 'A')].map(kindOf);
    inner.pending[0]!.reject(new DnsError('timeout', 'no answer', { name: 'down.example', type: 'A' }, 'inner'));
    expect(await Promise.all(both)).toEqual(['timeout', 'timeout']);
  });

  it('lets one waiter abort without cancelling the query for the other', async () => {
    const inner = controlled();
    const cache = cachingResolver(inner);
    const controller = new AbortController();
    const leaving = kindOf(cache.query('mail.example.com', 'A', { signal: controller.signal }));
    const staying = cache.query('mail.example.com', 'A');
    controller.abort();
    expect(await leaving).toBe('aborted');
    expect(inner.pending[0]!.signal?.aborted).toBe(false);
    inner.pending[0]!.resolve(answer('mail.example.com', 'A', 'NOERROR', [a('mail.example.com', 300)]));
    expect((await staying).answers).toHaveLength(1);
    expect(inner.pending).toHaveLength(1);
  });

  it('cancels the query when every waiter has aborted, and does not keep the cancellation', async () => {
    const inner = controlled();
    const cache = cachingResolver(inner);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const one = kindOf(cache.query('mail.example.com', 'A', { signal: c1.signal }));
    const two = kindOf(cache.query('mail.example.com', 'A', { signal: c2.signal }));
    c1.abort();
    expect(inner.pending[0]!.signal?.aborted).toBe(false);
    c2.abort();
    expect(await Promise.all([one, two])).toEqual(['aborted', 'aborted']);
    expect(inner.pending[0]!.signal?.aborted).toBe(true);
    expect(cache.stats().inFlight).toBe(0);
    const again = cache.query('mail.example.com', 'A');
    expect(inner.pending).toHaveLength(2);
    inner.pending[1]!.resolve(answer('mail.example.com', 'A', 'NOERROR', [a('mail.example.com', 300)]));
    expect((await again).fromCache).toBe(false);
  });
});
