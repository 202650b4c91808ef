import { describe, expect, it } from 'vitest';
import { checkSpf } from '../../../src/core/checks/spf/index.js';
import { memoryResolver, type MemoryRecord, type MemoryZone } from '../../../src/core/dns/memory.js';
import type { DnsAnswer, QueryOptions, Resolver, RRType } from '../../../src/core/dns/types.js';

const spf = (text: string): MemoryRecord => ({ type: 'TXT', data: text });
const a = (ip: string): MemoryRecord => ({ type: 'A', data: ip });
const mxTo = (exchange: string, preference = 10): MemoryRecord => ({ type: 'MX', data: { preference, exchange } });

function check(zone: MemoryZone, ip: string, mailFrom = 'user@example.com', helo = 'mail.example.com', maxLookups?: number) {
  return checkSpf({ ip, mailFrom, helo }, memoryResolver(zone), maxLookups === undefined ? {} : { maxLookups });
}

/** Counts the questions in flight at once; each answer waits a timer tick so parallel ones overlap. */
function concurrencyProbe(zone: MemoryZone): Resolver & { maxInFlight: number; asked: string[] } {
  const inner = memoryResolver(zone, { latencyMs: 1 });
  let inFlight = 0;
  const probe = {
    label: inner.label,
    maxInFlight: 0,
    asked: [] as string[],
    async query(name: string, type: RRType, options?: QueryOptions): Promise<DnsAnswer> {
      probe.asked.push(`${name} ${type}`);
      inFlight++;
      probe.maxInFlight = Math.max(probe.maxInFlight, inFlight);
      try {
        return await inner.query(name, type, options);
      } finally {
        inFlight--;
      }
    },
  };
  return probe;
}

describe('results', () => {
  it('maps each qualifier to its result', async () => {
    for (const [q, result] of [
      ['+', 'pass'],
      ['-', 'fail'],
      ['~', 'softfail'],
      ['?', 'neutral'],
    ] as const) {
      const e = await check({ 'example.com': [spf(`v=spf1 ${q}ip4:192.0.2.0/24 -all`)] }, '192.0.2.9');
      expect(e.result).toBe(result);
      expect(e.mechanism).toBe(`${q}ip4:192.0.2.0/24`);
    }
  });

  it('is neutral when nothing matches and there is no redirect', async () => {
    const e = await check({ 'example.com': [spf('v=spf1 ip4:192.0.2.0/24')] }, '198.51.100.1');
    expect(e.result).toBe('neutral');
    expect(e.mechanism).toBeNull();
  });

  it('is none without a record, for a missing domain, and for a malformed one', async () => {
    expect((await check({ 'example.com': [{ type: 'TXT', data: 'google-site-verification=x' }] }, '192.0.2.1')).result).toBe('none');
    expect((await check({}, '192.0.2.1')).result).toBe('none');
    expect((await check({}, '192.0.2.1', 'user@localhost')).result).toBe('none');
    expect((await check({}, '192.0.2.1', 'user@[192.0.2.1]')).result).toBe('none');
  });

  it('is permerror for two SPF records', async () => {
    const e = await check({ 'example.com': [spf('v=spf1 -all'), spf('v=spf1 +all')] }, '192.0.2.1');
    expect(e.result).toBe('permerror');
    expect(e.problem).toMatchObject({ kind: 'multiple-records', count: 2 });
  });

  it('is temperror when the TXT lookup times out or gets SERVFAIL', async () => {
    expect((await check({ 'example.com': 'TIMEOUT' }, '192.0.2.1')).result).toBe('temperror');
    expect((await check({ 'example.com': 'SERVFAIL' }, '192.0.2.1')).result).toBe('temperror');
  });

  it('is temperror when a mechanism lookup fails', async () => {
    const e = await check({ 'example.com': [spf('v=spf1 a:broken.example.net -all')], 'broken.example.net': 'SERVFAIL' }, '192.0.2.1');
    expect(e.result).toBe('temperror');
    expect(e.problem?.kind).toBe('dns');
  });

  it('checks the HELO name as postmaster@helo for the null sender', async () => {
    const zone = { 'mail.example.com': [spf('v=spf1 -all exp=why.example.com')], 'why.example.com': [{ type: 'TXT', data: '%{s} via %{h}' } as const] };
    const e = await check(zone, '192.0.2.1', '', 'mail.example.com');
    expect(e.identity).toBe('helo');
    expect(e.domain).toBe('mail.example.com');
    expect(e.explanation).toBe('postmaster@mail.example.com via mail.example.com');
  });

  it('uses postmaster as the local-part when the sender has none', async () => {
    const zone = { 'example.com': [spf('v=spf1 -all exp=why.example.com')], 'why.example.com': [{ type: 'TXT', data: '%{l}' } as const] };
    expect((await check(zone, '192.0.2.1', '@example.com')).explanation).toBe('postmaster');
  });

  it('never matches ip4 for an IPv6 client, except an IPv4-mapped one', async () => {
    const zone = { 'example.com': [spf('v=spf1 ip4:0.0.0.0/0 -all')] };
    expect((await check(zone, '2001:db8::1')).result).toBe('fail');
    expect((await check(zone, '::ffff:192.0.2.1')).result).toBe('pass');
  });

  it('matches a and mx with their own IPv4 and IPv6 prefix lengths', async () => {
    const zone = {
      'example.com': [spf('v=spf1 a/24//64 -all'), a('192.0.2.10'), { type: 'AAAA', data: '2001:db8:1::10' } as const],
    };
    expect((await check(zone, '192.0.2.200')).result).toBe('pass');
    expect((await check(zone, '2001:db8:1::ffff')).result).toBe('pass');
    expect((await check(zone, '2001:db8:2::10')).result).toBe('fail');
  });

  it('keeps the exp= text only for fail, and ignores an exp= that cannot be used', async () => {
    const zone: MemoryZone = {
      'example.com': [spf('v=spf1 ~ip4:192.0.2.0/24 -all exp=why.example.com')],
      'why.example.com': [{ type: 'TXT', data: 'not from %{c}' }],
      'example.net': [spf('v=spf1 -all exp=gone.example.net')],
    };
    expect((await check(zone, '198.51.100.1')).explanation).toBe('not from 198.51.100.1');
    expect((await check(zone, '192.0.2.1')).explanation).toBeNull();
    const gone = await check(zone, '192.0.2.1', 'user@example.net');
    expect([gone.result, gone.explanation]).toEqual(['fail', null]);
  });
});

describe('include (RFC 7208 §5.2)', () => {
  const base: MemoryZone = {
    'pass.example.net': [spf('v=spf1 +all')],
    'fail.example.net': [spf('v=spf1 -all')],
    'norecord.example.net': [a('192.0.2.1')],
    'slow.example.net': 'TIMEOUT',
    'broken.example.net': [spf('v=spf1 bogus')],
  };
  it.each([
    ['pass.example.net', 'fail'],
    ['fail.example.net', 'pass'],
    ['norecord.example.net', 'permerror'],
    ['slow.example.net', 'temperror'],
    ['broken.example.net', 'permerror'],
  ])('-include:%s gives %s', async (target, result) => {
    const e = await check({ ...base, 'example.com': [spf(`v=spf1 -include:${target} +all`)] }, '192.0.2.1');
    expect(e.result).toBe(result);
  });
});

describe('limits (RFC 7208 §4.6.4)', () => {
  const chain = (n: number): MemoryZone => {
    const zone: MemoryZone = { 'example.com': [spf(`v=spf1 ${Array.from({ length: n }, (_, i) => `include:l${i + 1}.example.com`).join(' ')} +all`)] };
    for (let i = 1; i <= n; i++) zone[`l${i}.example.com`] = [spf('v=spf1 -all')];
    return zone;
  };

  it('allows 10 DNS-querying terms and stops at the 11th', async () => {
    const ten = await check(chain(10), '192.0.2.1');
    expect([ten.result, ten.lookups]).toEqual(['pass', 10]);
    const eleven = await check(chain(11), '192.0.2.1');
    expect([eleven.result, eleven.lookups]).toEqual(['permerror', 11]);
    expect(eleven.problem).toMatchObject({ kind: 'lookup-limit', limit: 10, term: 'include:l11.example.com' });
  });

  it('takes another limit from the options', async () => {
    expect((await check(chain(3), '192.0.2.1', undefined, undefined, 2)).result).toBe('permerror');
  });

  it('counts a, mx, ptr, exists, include and redirect, but not ip4, ip6, all or exp', async () => {
    const zone: MemoryZone = {
      'example.com': [
        spf('v=spf1 a mx ptr exists:x.example.com include:inc.example.com ip4:10.0.0.0/8 ip6:2001:db8::/32 redirect=r.example.com exp=x.example.com'),
        a('192.0.2.1'),
        mxTo('example.com'),
      ],
      'inc.example.com': [spf('v=spf1 -all')],
      'r.example.com': [spf('v=spf1 -all exp=x.example.com')],
      'x.example.com': [{ type: 'TXT', data: 'no' }],
    };
    const e = await check(zone, '198.51.100.7');
    expect([e.result, e.lookups, e.voidLookups, e.explanation]).toEqual(['fail', 6, 2, 'no']);
  });

  it('allows two void lookups and stops at the third', async () => {
    const two = await check({ 'example.com': [spf('v=spf1 a:n1.example.com mx:n2.example.com ?all')] }, '192.0.2.1');
    expect([two.result, two.voidLookups]).toEqual(['neutral', 2]);
    const three = await check({ 'example.com': [spf('v=spf1 a:n1.example.com mx:n2.example.com exists:n3.example.com ?all')] }, '192.0.2.1');
    expect([three.result, three.voidLookups, three.problem?.kind]).toEqual(['permerror', 3, 'void-limit']);
  });

  it('does not count a missing exp= target as void', async () => {
    const e = await check({ 'example.com': [spf('v=spf1 a:n1.example.com a:n2.example.com -all exp=n3.example.com')] }, '192.0.2.1');
    expect([e.result, e.voidLookups]).toEqual(['fail', 2]);
  });

  it('makes an mx with more than 10 MX records a permerror', async () => {
    const many = Array.from({ length: 11 }, (_, i) => mxTo(`mx${i}.example.com`, i));
    const zone: MemoryZone = { 'example.com': [spf('v=spf1 mx -all'), ...many], 'mx0.example.com': [a('192.0.2.1')] };
    const e = await check(zone, '192.0.2.1');
    expect([e.result, e.problem?.kind]).toEqual(['permerror', 'mx-limit']);
    const ten = await check({ ...zone, 'example.com': [spf('v=spf1 mx -all'), ...many.slice(0, 10)] }, '192.0.2.1');
    expect(ten.result).toBe('pass');
  });

  it('looks at only the first 10 PTR names', async () => {
    const zone: MemoryZone = {
      'example.com': [spf('v=spf1 ptr -all')],
      '1.2.0.192.in-addr.arpa': Array.from({ length: 11 }, (_, i) => ({ type: 'PTR' as const, data: `h${i}.example.com` })),
      'h10.example.com': [a('192.0.2.1')],
    };
    expect((await check(zone, '192.0.2.1')).result).toBe('fail');
    zone['h9.example.com'] = [a('192.0.2.1')];
    expect((await check(zone, '192.0.2.1')).result).toBe('pass');
  });
});

describe('parallel lookups', () => {
  const hosts = ['mx1', 'mx2', 'mx3', 'mx4', 'mx5'].map((h) => `${h}.example.com`);
  const zone: MemoryZone = {
    'example.com': [spf('v=spf1 mx a:n1.example.com include:inc.example.com -all'), ...hosts.map((h, i) => mxTo(h, i))],
    'inc.example.com': [spf('v=spf1 ptr ?all')],
    '9.2.0.192.in-addr.arpa': [
      { type: 'PTR', data: 'x.inc.example.com' },
      { type: 'PTR', data: 'y.inc.example.com' },
    ],
    'x.inc.example.com': [a('192.0.2.8')],
    'y.inc.example.com': [a('192.0.2.9')],
    ...Object.fromEntries(hosts.map((h, i) => [h, [a(`198.51.100.${i + 1}`)]])),
  };

  it('asks for the addresses of all MX hosts at once', async () => {
    const probe = concurrencyProbe(zone);
    await checkSpf({ ip: '192.0.2.9', mailFrom: 'u@example.com', helo: 'h.example.com' }, probe);
    expect(probe.maxInFlight).toBe(hosts.length);
  });

  it('gives the same result, counts and trace as one question at a time', async () => {
    const probe = concurrencyProbe(zone);
    const parallel = await checkSpf({ ip: '192.0.2.9', mailFrom: 'u@example.com', helo: 'h.example.com' }, probe);
    const serial = await checkSpf({ ip: '192.0.2.9', mailFrom: 'u@example.com', helo: 'h.example.com' }, oneAtATime(memoryResolver(zone)));
    expect(parallel.result).toBe('pass');
    expect(parallel.mechanism).toBe('include:inc.example.com');
    expect(parallel).toEqual(serial);
    expect([parallel.lookups, parallel.voidLookups]).toEqual([4, 1]);
  });

  it('keeps MX order: a failed lookup before the matching host is temperror, after it is not', async () => {
    const base: MemoryZone = {
      'example.com': [spf('v=spf1 mx -all'), mxTo('bad.example.com', 1), mxTo('good.example.com', 2)],
      'good.example.com': [a('192.0.2.1')],
      'bad.example.com': 'SERVFAIL',
    };
    expect((await check(base, '192.0.2.1')).result).toBe('temperror');
    const swapped = { ...base, 'example.com': [spf('v=spf1 mx -all'), mxTo('good.example.com', 1), mxTo('bad.example.com', 2)] };
    expect((await check(swapped, '192.0.2.1')).result).toBe('pass');
  });
});

/** Serialises queries, as an evaluation without parallel lookups would ask them. */
function oneAtATime(inner: Resolver): Resolver {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    label: inner.label,
    query(name, type, options) {
      const next = queue.then(() => inner.query(name, type, options));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
