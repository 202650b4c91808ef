import { describe, expect, inject, it } from 'vitest';
import { dohResolver } from '../../src/core/dns/doh.js';
import { recordsOf, type DnsAnswer, type RRType } from '../../src/core/dns/types.js';
import { reverseName } from '../../src/core/net/reverse.js';
import { dnsErrorOf } from '../support/dns-error.js';

const dohUrl = inject('dohUrl');
const blackholeUrl = inject('blackholeUrl');

/** A fresh resolver per test, so that one test's cache never answers another's question. */
const fresh = (method: 'GET' | 'POST' = 'GET') => dohResolver(dohUrl, { method });

/** The data of an answer's records of the given types, as text. */
const dataOf = (answer: DnsAnswer, ...types: RRType[]) => answer.answers.filter((r) => types.includes(r.type)).map((r) => String(r.data));
const ptrNames = (answer: DnsAnswer) => dataOf(answer, 'PTR');
const addresses = (answer: DnsAnswer) => dataOf(answer, 'A', 'AAAA');

describe.each(['GET', 'POST'] as const)('DoH through dnsdist to BIND (%s)', (method) => {
  it('good PTR that maps back: 203.0.113.25 → mail.example.com → 203.0.113.25', async () => {
    const resolver = fresh(method);
    const ptr = await resolver.query(reverseName('203.0.113.25'), 'PTR');
    expect(ptr.rcode).toBe('NOERROR');
    expect(ptr.resolver).toBe(dohUrl);
    expect(ptrNames(ptr)).toEqual(['mail.example.com']);
    expect(addresses(await resolver.query('mail.example.com', 'A'))).toEqual(['203.0.113.25']);
  });

  it('PTR to a name without an address: NODATA with the SOA (minimum 60)', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('203.0.113.26'), 'PTR'))).toEqual(['nofwd.example.com']);
    const a = await resolver.query('nofwd.example.com', 'A');
    expect(a.rcode).toBe('NOERROR');
    expect(a.answers).toEqual([]);
    const soa = a.authority.find((r) => r.type === 'SOA');
    expect(soa?.name).toBe('example.com');
    expect(soa?.type === 'SOA' && soa.data.minimum).toBe(60);
  });

  it('PTR to a name with another address: 203.0.113.27 → other.example.com → 203.0.113.99', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('203.0.113.27'), 'PTR'))).toEqual(['other.example.com']);
    expect(addresses(await resolver.query('other.example.com', 'A'))).toEqual(['203.0.113.99']);
  });

  it('several PTRs: 203.0.113.28 has a.multi and b.multi; only b.multi maps back', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('203.0.113.28'), 'PTR')).sort()).toEqual(['a.multi.example.com', 'b.multi.example.com']);
    expect((await resolver.query('a.multi.example.com', 'A')).rcode).toBe('NXDOMAIN');
    expect(addresses(await resolver.query('b.multi.example.com', 'A'))).toEqual(['203.0.113.28']);
  });

  it('eleven PTRs for 203.0.113.31, in zone order; only n11 maps back', async () => {
    const resolver = fresh(method);
    const names = ptrNames(await resolver.query(reverseName('203.0.113.31'), 'PTR'));
    expect(names).toEqual(Array.from({ length: 11 }, (_, i) => `n${i + 1}.many.example.com`));
    expect(addresses(await resolver.query('n11.many.example.com', 'A'))).toEqual(['203.0.113.31']);
  });

  it('CNAME chain: alias.example.com → mail2.example.com → 203.0.113.29, chain in the answer', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('203.0.113.29'), 'PTR'))).toEqual(['alias.example.com']);
    const a = await resolver.query('alias.example.com', 'A');
    expect(a.answers.map((r) => `${r.name} ${r.type} ${String(r.data)}`)).toEqual([
      'alias.example.com CNAME mail2.example.com',
      'mail2.example.com A 203.0.113.29',
    ]);
  });

  it('IPv6: 2001:db8::25 → mail6.example.com → AAAA 2001:db8::25', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('2001:db8::25'), 'PTR'))).toEqual(['mail6.example.com']);
    expect(addresses(await resolver.query('mail6.example.com', 'AAAA'))).toEqual(['2001:db8::25']);
  });

  it('NXDOMAIN for an address without PTR (IPv4 and IPv6) and for names outside the zones', async () => {
    const resolver = fresh(method);
    for (const name of [reverseName('203.0.113.30'), reverseName('2001:db8::26'), 'nothing.invalid']) {
      const answer = await resolver.query(name, 'PTR');
      expect(answer.rcode).toBe('NXDOMAIN');
      expect(answer.authority.some((r) => r.type === 'SOA')).toBe(true);
    }
  });

  it('SERVFAIL from the zones that fail to load (broken.example, 198.51.100.0/24 reverse)', async () => {
    const resolver = fresh(method);
    expect(ptrNames(await resolver.query(reverseName('203.0.113.32'), 'PTR'))).toEqual(['mail.broken.example']);
    expect((await resolver.query('mail.broken.example', 'A')).rcode).toBe('SERVFAIL');
    expect((await resolver.query(reverseName('198.51.100.10'), 'PTR')).rcode).toBe('SERVFAIL');
  });

  it('MX, TXT split across character-strings, and an MX target that is a CNAME', async () => {
    const resolver = fresh(method);
    expect(recordsOf(await resolver.query('example.com', 'MX'), 'MX').map((r) => r.data)).toEqual([{ preference: 10, exchange: 'mail.example.com' }]);
    const txt = recordsOf(await resolver.query('example.org', 'TXT'), 'TXT');
    expect(txt).toHaveLength(1);
    expect(txt[0]!.data).toHaveLength(2);
    expect(txt[0]!.data.join('')).toMatch(/^v=spf1 include:l1\.example\.org .* include:l11\.example\.org -all$/);
    const mx = recordsOf(await resolver.query('example.org', 'MX'), 'MX').map((r) => r.data.exchange);
    expect(mx.sort()).toEqual(['203.0.113.25', 'mx-alias.example.org']);
    expect(dataOf(await resolver.query('mx-alias.example.org', 'A'), 'CNAME')).toEqual(['mail.example.com']);
  });
});

describe('DoH transport behaviour against real servers', () => {
  it('times out on a server that accepts connections and never answers', async () => {
    const error = await dnsErrorOf(dohResolver(blackholeUrl, { timeoutMs: 300 }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('timeout');
    expect(error.resolver).toBe(blackholeUrl);
  });

  it('retries on the second URL when the first never answers', async () => {
    const resolver = dohResolver([blackholeUrl, dohUrl], { timeoutMs: 300 });
    const answer = await resolver.query('mail.example.com', 'A');
    expect(answer.resolver).toBe(dohUrl);
    expect(addresses(answer)).toEqual(['203.0.113.25']);
    expect(resolver.stats().sent).toBe(2);
  });

  it('answers a repeat from cache and deduplicates concurrent questions', async () => {
    const resolver = fresh();
    const [one, two] = await Promise.all([resolver.query('mail.example.com', 'A'), resolver.query('mail.example.com', 'A')]);
    expect([one.fromCache, two.fromCache]).toEqual([false, true]);
    const three = await resolver.query('MAIL.EXAMPLE.COM.', 'A');
    expect(three.fromCache).toBe(true);
    expect(three.answers[0]?.ttl).toBeLessThanOrEqual(300);
    expect(resolver.stats()).toMatchObject({ sent: 1, cacheHits: 1, shared: 1, inFlight: 0 });
  });

  it('aborts a lookup in progress', async () => {
    const controller = new AbortController();
    const pending = dohResolver(blackholeUrl, { timeoutMs: 10_000 }).query('mail.example.com', 'A', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await dnsErrorOf(pending)).kind).toBe('aborted');
  });
});
