import { describe, expect, it } from 'vitest';
import { resolverReason, transientAdvice } from '../../../src/core/advice/transient.js';
import { heloCheck } from '../../../src/core/checks/helo/check.js';
import { iprevCheck } from '../../../src/core/checks/iprev/check.js';
import { mxCheck } from '../../../src/core/checks/mx/check.js';
import { spfCheck } from '../../../src/core/checks/spf/index.js';
import type { CheckResult } from '../../../src/core/checks/index.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { DnsError, type Resolver } from '../../../src/core/dns/types.js';
import { ZONES } from '../../support/test-zones.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';

const URL = 'https://dns.example/dns-query';
const side = { zone: 'example.com', owner: 'whoever runs the DNS of example.com' };

/** A resolver that cannot be reached, for every question. */
const unreachable: Resolver = {
  label: URL,
  query: async (name, type) => {
    throw new DnsError('network', `cannot reach ${URL}: fetch failed (getaddrinfo ENOTFOUND dns.example) (failed twice)`, { name, type }, URL);
  },
};

/** A resolver that answers SERVFAIL to every question, as when the zones behind it fail. */
const servfail: Resolver = {
  label: URL,
  query: async (name, type) => ({
    question: { name, type },
    rcode: 'SERVFAIL',
    answers: [],
    authority: [],
    authenticated: false,
    extendedErrors: [],
    resolver: URL,
    elapsedMs: 1,
    fromCache: false,
  }),
};

/** iprev, HELO, MX and SPF of the sample's origin, HELO reading iprev as in the pipeline. */
async function allChecks(resolver: Resolver): Promise<CheckResult[]> {
  const analysis = analysisOf({ hops: hops({ helo: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' }) });
  const iprev = await collect(iprevCheck, contextOf(analysis, resolver));
  const rest = await Promise.all([
    collect(heloCheck, contextOf(analysis, resolver, { earlier: iprev })),
    collect(mxCheck, contextOf(analysis, resolver)),
    collect(spfCheck, contextOf(analysis, resolver)),
  ]);
  return [...iprev, ...rest.flat()];
}

describe('transientAdvice', () => {
  it('points at the network and the resolver when no answer arrived, naming the question and the reason once', () => {
    const advice = transientAdvice({ name: 'example.com', type: 'MX', rcode: null, error: `no answer from ${URL} within 200 ms (failed twice)` }, URL, side);
    expect(advice).toEqual([
      `Hoplens got no answer from the resolver ${URL} when it asked for example.com MX (no answer from the resolver within 200 ms (failed twice)). Check this computer's network connection or choose another resolver (extension: Options; CLI: --resolver), then run the analysis again.`,
      'Only if other resolvers fail the same way may the name servers of example.com be unreachable.',
    ]);
  });

  it('speaks of resolvers in the plural when several are configured', () => {
    const [first] = transientAdvice({ name: 'example.com', type: 'A', rcode: null, error: null }, 'https://a.example/q, https://b.example/q', side);
    expect(first).toMatch(
      /^Hoplens got no answer from the resolvers https:\/\/a\.example\/q, https:\/\/b\.example\/q when it asked for example\.com A\. Check/,
    );
  });

  it('sends SERVFAIL, REFUSED and other rcodes to whoever runs the zone, each with its likely cause', () => {
    const rcode = (r: string) => transientAdvice({ name: 'example.com', type: 'TXT', rcode: r, error: null }, URL, side);
    expect(rcode('SERVFAIL')).toEqual([
      'Check again in a few minutes. If example.com TXT keeps failing with SERVFAIL, whoever runs the DNS of example.com should check that the zone loads and is signed correctly: SERVFAIL usually means a zone that fails to load, a broken delegation or a DNSSEC failure.',
    ]);
    expect(rcode('REFUSED')[0]).toContain('whoever runs the DNS of example.com should check that every server the parent zone delegates to serves the zone');
    expect(rcode('NOTIMP')[0]).toContain('whoever runs the DNS of example.com should find out why its servers answer NOTIMP');
    for (const r of ['SERVFAIL', 'REFUSED', 'NOTIMP']) expect(rcode(r).join(' ')).not.toContain('Hoplens got no answer');
  });
});

describe('resolverReason', () => {
  it('replaces resolver URLs, ports and paths included, and keeps the punctuation after them', () => {
    expect(resolverReason('cannot reach https://cloudflare-dns.com/dns-query: fetch failed (getaddrinfo ENOTFOUND cloudflare-dns.com)')).toBe(
      'cannot reach the resolver: fetch failed (getaddrinfo ENOTFOUND cloudflare-dns.com)',
    );
    expect(resolverReason('HTTP 503 from http://127.0.0.1:8053/dns-query (first attempt: no answer from http://127.0.0.1:8053/dns-query within 5 ms)')).toBe(
      'HTTP 503 from the resolver (first attempt: no answer from the resolver within 5 ms)',
    );
    expect(resolverReason('no answer for example.com TXT')).toBe('no answer for example.com TXT');
  });
});

describe('temperror advice in every check', () => {
  it('blames the unreachable resolver, never the sender’s zones', async () => {
    const results = await allChecks(unreachable);
    expect(results.map((r) => [r.check, r.result])).toEqual([
      ['iprev', 'temperror'],
      ['helo', 'temperror'],
      ['mx', 'temperror'],
      ['spf', 'temperror'],
    ]);
    const asked: Record<string, string> = { iprev: '25.113.0.203.in-addr.arpa PTR', helo: 'mail.example.com A', mx: 'example.com MX', spf: 'example.com TXT' };
    for (const r of results) {
      expect(r.advice[0], r.check).toBe(
        `Hoplens got no answer from the resolver ${URL} when it asked for ${asked[r.check]} (cannot reach the resolver: fetch failed (getaddrinfo ENOTFOUND dns.example) (failed twice)). Check this computer's network connection or choose another resolver (extension: Options; CLI: --resolver), then run the analysis again.`,
      );
      expect(r.advice.join(' '), r.check).not.toMatch(/zone loads|keeps failing|SERVFAIL/);
    }
    expect(results[0]!.advice[1]).toBe('Only if other resolvers fail the same way may the name servers of the reverse zone of 203.0.113.25 be unreachable.');
  });

  it('sends SERVFAIL to the servers of the zone in question', async () => {
    const results = await allChecks(servfail);
    expect(results.map((r) => r.result)).toEqual(['temperror', 'temperror', 'temperror', 'temperror']);
    for (const r of results) {
      expect(r.advice, r.check).toHaveLength(1);
      expect(r.advice[0], r.check).toContain('keeps failing with SERVFAIL');
      expect(r.advice[0], r.check).not.toContain('Hoplens got no answer');
    }
    const [iprev, helo, mx, spf] = results.map((r) => r.advice[0]);
    expect(iprev).toContain(
      'If 25.113.0.203.in-addr.arpa PTR keeps failing with SERVFAIL, whoever holds the reverse zone for 203.0.113.25 (your ISP or hosting provider; `dig -x 203.0.113.25 +trace` shows who), whose servers answer for 25.113.0.203.in-addr.arpa, should check that the zone loads',
    );
    expect(helo).toContain('If mail.example.com A keeps failing with SERVFAIL, whoever runs the DNS of mail.example.com should');
    expect(mx).toContain('If example.com MX keeps failing with SERVFAIL, whoever runs the DNS of example.com should');
    expect(spf).toContain('If example.com TXT keeps failing with SERVFAIL, whoever runs the DNS of example.com should');
  });

  it('names the failed forward lookup, not the reverse zone, when only the PTR name’s address lookup fails', async () => {
    const analysis = analysisOf({ hops: hops({ helo: 'x', ip: '203.0.113.25', by: 'mx.example.net' }) });
    const [r] = await collect(iprevCheck, contextOf(analysis, memoryResolver({ ...ZONES, 'mail.example.com': 'TIMEOUT' })));
    expect(r!.result).toBe('temperror');
    expect(r!.advice).toEqual([
      "Hoplens got no answer from the resolver memory when it asked for mail.example.com A (no answer for mail.example.com A). Check this computer's network connection or choose another resolver (extension: Options; CLI: --resolver), then run the analysis again.",
      'Only if other resolvers fail the same way may the name servers of mail.example.com be unreachable.',
    ]);
  });

  it('gives HELO the PTR advice when only the reverse lookup failed', async () => {
    const analysis = analysisOf({ hops: hops({ helo: 'mail.example.com', ip: '198.51.100.20', by: 'mx.example.net' }) });
    const resolver = memoryResolver({ ...ZONES, 'mail.example.com': [{ type: 'A', data: '198.51.100.20' }] });
    const iprev = await collect(iprevCheck, contextOf(analysis, resolver));
    const [r] = await collect(heloCheck, contextOf(analysis, resolver, { earlier: iprev }));
    expect(r!.result).toBe('temperror');
    expect(r!.advice).toEqual([
      'Check again in a few minutes. If 20.100.51.198.in-addr.arpa PTR keeps failing with SERVFAIL, whoever holds the reverse zone of 198.51.100.20 (see the reverse DNS result) should check that the zone loads and is signed correctly: SERVFAIL usually means a zone that fails to load, a broken delegation or a DNSSEC failure.',
    ]);
  });

  it('names the MX target whose address lookup failed', async () => {
    const analysis = analysisOf({
      hops: hops({ helo: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' }),
      message: { returnPath: 'a@example.com' },
    });
    const resolver = memoryResolver({ ...ZONES, 'mail.example.com': 'SERVFAIL' });
    const [r] = await collect(mxCheck, contextOf(analysis, resolver));
    expect(r!.result).toBe('temperror');
    expect(r!.advice[0]).toContain('If mail.example.com A keeps failing with SERVFAIL, whoever runs the DNS of mail.example.com should');
  });
});
