import { describe, expect, it } from 'vitest';
import { iprevCheck, MAX_OTHER_HOPS } from '../../../src/core/checks/iprev/check.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import type { DnsAnswer, QueryOptions, Resolver, RRType } from '../../../src/core/dns/types.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';
import { ZONES } from '../../support/test-zones.js';

const resolver = memoryResolver(ZONES);

const route = hops(
  { helo: 'laptop', ip: '192.168.1.10', by: 'mail.example.com' },
  { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' },
  { helo: 'mx.example.net', ip: '203.0.113.40', by: 'filter.example.net' },
  { helo: 'filter.example.net', ip: '10.1.2.3', by: 'store.example.net' },
  { helo: 'store.example.net', ip: '203.0.113.25', by: 'imap.example.net' },
);

describe('iprevCheck', () => {
  it('checks every public hop IP once and says why private ones were not sent to a resolver', async () => {
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: route, originIndex: 1 }), resolver));
    expect(results.map((r) => [r.subject, r.result]).sort()).toEqual([
      ['10.1.2.3', 'not-checked'],
      ['192.168.1.10', 'not-checked'],
      ['203.0.113.25', 'pass'],
      ['203.0.113.40', 'permerror'],
    ]);
    const privateOne = results.find((r) => r.subject === '10.1.2.3')!;
    expect(privateOne.explanation).toBe('10.1.2.3 is a private address (RFC 1918): never sent to a resolver; a receiver on the Internet never sees it');
    expect(privateOne.evidence).toEqual([]);
    for (const r of results.filter((r) => r.result === 'not-checked')) expect(r.severity).toBe('info');
  });

  it('never sends a private address to the resolver', async () => {
    const asked: string[] = [];
    const spy: Resolver = {
      label: 'spy',
      query: (name, type, o) => {
        asked.push(name);
        return resolver.query(name, type, o);
      },
    };
    await collect(iprevCheck, contextOf(analysisOf({ hops: route, originIndex: 1 }), spy));
    expect(asked.some((n) => n.includes('168.192') || n.includes('3.2.1.10'))).toBe(false);
  });

  it('describes the origin result with its evidence; other hops are informational', async () => {
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: route, originIndex: 1 }), resolver));
    const origin = results.find((r) => r.subject === '203.0.113.25')!;
    expect(origin).toMatchObject({ check: 'iprev', severity: 'ok', hopIndex: 1, advice: [] });
    expect(origin.summary).toBe('203.0.113.25 → mail.example.com → 203.0.113.25: reverse DNS passes');
    expect(origin.details).toMatchObject({ matchedName: 'mail.example.com' });
    expect(origin.evidence.map((e) => `${e.question.name} ${e.question.type}`)).toEqual(
      expect.arrayContaining(['25.113.0.203.in-addr.arpa PTR', 'mail.example.com A']),
    );
    expect(origin.evidence.find((e) => e.question.type === 'PTR')?.records).toEqual(['25.113.0.203.in-addr.arpa. 300 IN PTR mail.example.com.']);
    const other = results.find((r) => r.subject === '203.0.113.40')!;
    expect(other.severity).toBe('info');
  });

  it('advises a PTR request to the reverse zone holder on permerror at the origin', async () => {
    const h = hops({ helo: 'mail.example.com', ip: '203.0.113.30', by: 'mx.example.net' });
    const [r] = await collect(iprevCheck, contextOf(analysisOf({ hops: h }), resolver));
    expect(r).toMatchObject({ result: 'permerror', severity: 'error', summary: '203.0.113.30 has no PTR record: reverse DNS fails (permerror)' });
    expect(r!.advice[0]).toBe(
      'Ask whoever holds the reverse zone 113.0.203.in-addr.arpa (its SOA names ns.example.com, its servers are ns.example.com, ns2.example.com; usually your ISP or hosting provider) to add: 30.113.0.203.in-addr.arpa. PTR mail.example.com.',
    );
    expect(r!.advice[1]).toContain('mail.example.com has an A record pointing at 203.0.113.30');
  });

  it('advises an A record, or another PTR, on fail', async () => {
    const noA = await collect(iprevCheck, contextOf(analysisOf({ hops: hops({ ip: '203.0.113.26' }) }), resolver));
    expect(noA[0]!.summary).toBe('203.0.113.26 → nofwd.example.com → no A record: reverse DNS fails');
    expect(noA[0]!.advice[0]).toMatch(/^Add an A record for nofwd\.example\.com pointing at 203\.0\.113\.26, or have the PTR changed/);
    const elsewhere = await collect(iprevCheck, contextOf(analysisOf({ hops: hops({ ip: '203.0.113.27' }) }), resolver));
    expect(elsewhere[0]!.severity).toBe('error');
    expect(elsewhere[0]!.advice[0]).toMatch(/^other\.example\.com points at 203\.0\.113\.99, not 203\.0\.113\.27/);
  });

  it('states the cap when PTR names were left out', async () => {
    const [r] = await collect(iprevCheck, contextOf(analysisOf({ hops: hops({ ip: '203.0.113.31' }) }), resolver));
    expect(r!.result).toBe('fail');
    expect(r!.advice).toHaveLength(3);
    const tried = Array.from({ length: 10 }, (_, i) => `n${i + 1}.many.example.com`).join(', ');
    expect(r!.advice[0]).toBe(`Add an A record for one of ${tried} pointing at 203.0.113.31, or have the PTR changed to a name that has one.`);
    expect(r!.advice[1]).toContain('receivers try at most 10 (left out here: n11.many.example.com)');
  });

  it('is temperror with a warning when the reverse zone fails', async () => {
    const [r] = await collect(iprevCheck, contextOf(analysisOf({ hops: hops({ ip: '198.51.100.7' }) }), resolver));
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
    expect(r!.explanation).toContain('SERVFAIL');
  });

  it('does not blame the admin for a hosted provider', async () => {
    const [r] = await collect(iprevCheck, contextOf(analysisOf({ hops: hops({ ip: '203.0.113.30' }) }), resolver, { software: 'microsoft365' }));
    expect(r!.advice).toHaveLength(1);
    expect(r!.advice[0]).toMatch(/^Microsoft 365 runs this sending IP/);
  });

  it('yields each result as soon as it is known', async () => {
    const slow: Resolver = {
      label: 'slow',
      async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
        if (name.startsWith('25.')) await new Promise((resolve) => setTimeout(resolve, 30));
        return resolver.query(name, type, options);
      },
    };
    const h = hops({ ip: '203.0.113.25' }, { ip: '203.0.113.40' });
    const order = (await collect(iprevCheck, contextOf(analysisOf({ hops: h }), slow))).map((r) => r.subject);
    expect(order).toEqual(['203.0.113.40', '203.0.113.25']);
  });

  it('says when the chosen origin is a private address', async () => {
    const h = hops({ ip: '10.0.0.5' }, { ip: '203.0.113.25' });
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: h, originIndex: 0 }), resolver));
    const origin = results.find((r) => r.subject === '10.0.0.5')!;
    expect(origin).toMatchObject({ result: 'not-checked', severity: 'warning' });
    expect(origin.advice[0]).toContain('pick the first hop with a public IP');
  });
});

describe('iprevCheck on a route longer than its cap (issue 11)', () => {
  // 30 older hops below the sender, 3 newer above it, each from its own address.
  const long = hops(
    ...Array.from({ length: 30 }, (_, i) => ({ ip: `198.51.100.${100 + i}`, by: 'x.example.org' })),
    { helo: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' },
    ...Array.from({ length: 3 }, (_, i) => ({ ip: `10.0.0.${i + 1}`, by: 'store.example.net' })),
  );

  it('checks the sender and the 20 hop IPs nearest it, newer first at each distance, and counts the rest in one typed result', async () => {
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: long, originIndex: 30 }), resolver));
    const about = results.filter((r) => r.hopIndex !== null).map((r) => r.hopIndex!);
    expect(about.sort((a, b) => a - b)).toEqual(Array.from({ length: 1 + MAX_OTHER_HOPS }, (_, i) => 13 + i));
    const leftOut = results.filter((r) => r.hopIndex === null);
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0]).toMatchObject({
      result: 'not-checked',
      severity: 'warning',
      subject: '-',
      summary: 'Reverse DNS not checked for 13 more hop IPs: more than 20 other hops',
      details: { ipsLeftOut: 13, maxOtherHops: MAX_OTHER_HOPS },
      evidence: [],
    });
    expect(leftOut[0]!.explanation).toMatch(
      /^13 more hop IPs of this route were not sent to DNS: Hoplens checks only the sender's and the 20 hop IPs nearest it\./,
    );
  });

  it('without an origin, checks the 20 newest hop IPs', async () => {
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: long, originIndex: null }), resolver));
    expect(Math.min(...results.filter((r) => r.hopIndex !== null).map((r) => r.hopIndex!))).toBe(long.length - MAX_OTHER_HOPS);
    expect(results.find((r) => r.hopIndex === null)?.explanation).toContain('only the 20 newest hop IPs');
  });
});
