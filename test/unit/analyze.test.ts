import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { resolverFailedEveryQuestion } from '../../src/core/dns/counting.js';
import { memoryResolver } from '../../src/core/dns/memory.js';
import { DnsError, type Resolver } from '../../src/core/dns/types.js';
import type { ProgressEvent } from '../../src/core/report/types.js';
import { SCHEMA_VERSION } from '../../src/core/report/types.js';
import { ZONES } from '../support/test-zones.js';

const sample = readFileSync(new URL('../../public/samples/sample.eml', import.meta.url));

describe('analyze', () => {
  it('streams the route, then each check, then the report, and the report holds every streamed result', async () => {
    const events: ProgressEvent[] = [];
    const report = await analyze(sample, { resolver: memoryResolver(ZONES), onProgress: (e) => events.push(e) });
    expect(events[0]?.type).toBe('route');
    expect(events.at(-1)).toEqual({ type: 'done', report });
    const streamed = events.filter((e) => e.type === 'check').map((e) => e.result);
    expect(new Set(streamed)).toEqual(new Set(report.checks));
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.route.origin?.ip).toBe('203.0.113.25');
    const onOrigin = (check: string) => report.checks.find((c) => c.check === check && c.subject !== '-')!;
    expect(onOrigin('iprev')).toMatchObject({ subject: '203.0.113.25', result: 'pass' });
    expect(onOrigin('helo')).toMatchObject({ subject: 'mail.example.com', result: 'pass' });
    expect(onOrigin('spf')).toMatchObject({ subject: 'example.com', result: 'pass' });
    expect(report.summary).toBe(
      'Gmail, Yahoo: meets all-sender requirements; bulk: DKIM, DMARC record, DMARC alignment, one-click unsubscribe missing · Outlook.com: bulk: DKIM, DMARC record, DMARC alignment missing. Sender 203.0.113.25 mail.example.com — reverse DNS pass, HELO pass, SPF pass, DKIM none, MX pass, DMARC none, then vs now same',
    );
  });

  it('lists results in registry order with the sender first, whatever order lookups finish in', async () => {
    const slowOrigin: Resolver = {
      label: 'memory',
      async query(name, type, options) {
        if (name.startsWith('25.113.0.203')) await new Promise((r) => setTimeout(r, 20));
        return memoryResolver(ZONES).query(name, type, options);
      },
    };
    const report = await analyze(sample, { resolver: slowOrigin });
    const order = report.checks.map((c) => c.check);
    expect(order).toEqual(
      [...order].sort(
        (a, b) =>
          ['iprev', 'helo', 'mx', 'spf', 'dkim', 'dmarc', 'then-vs-now', 'providers'].indexOf(a) -
          ['iprev', 'helo', 'mx', 'spf', 'dkim', 'dmarc', 'then-vs-now', 'providers'].indexOf(b),
      ),
    );
    expect(report.checks[0]).toMatchObject({ check: 'iprev', subject: '203.0.113.25' });
  });

  it('counts distinct questions and what went on the wire through a shared cache', async () => {
    // As the BIND stack's root does, the top-level domain puts its SOA in NXDOMAIN answers (DMARC's walk reaches _dmarc.com), so they are cached.
    const soa = { mname: 'a.nic.com', rname: 'hostmaster.nic.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 };
    const upstream = memoryResolver({ ...ZONES, com: [{ type: 'SOA', data: soa }] });
    const shared = cachingResolver(upstream);
    const first = await analyze(sample, { resolver: shared });
    expect(first.dns.queriesSent).toBe(upstream.queries);
    expect(first.dns.distinctQuestions).toBeLessThanOrEqual(first.dns.queriesSent + first.dns.cacheHits);
    const second = await analyze(sample, { resolver: shared });
    expect(second.dns.queriesSent).toBe(0);
    expect(second.dns.cacheHits).toBeGreaterThanOrEqual(second.dns.distinctQuestions);
    expect(upstream.queries).toBe(first.dns.queriesSent);
  });

  it('without a resolver, marks every check not checked and sends nothing', async () => {
    const report = await analyze(sample, { resolver: null });
    expect(report.dns).toEqual({ mode: 'off', resolver: null, queriesSent: 0, distinctQuestions: 0, cacheHits: 0, unanswered: 0 });
    expect(report.checks.map((c) => c.result)).toEqual(Array(9).fill('not-checked'));
    expect(report.summary).toBe('Sender 203.0.113.25 — DNS checks off');
  });

  it('checks the hop the user picks as the sender', async () => {
    const report = await analyze(sample, { resolver: memoryResolver(ZONES), originHop: 5 });
    expect(report.route.origin).toMatchObject({ hopIndex: 5, ip: '198.51.100.20' });
    expect(report.checks.find((c) => c.check === 'iprev')).toMatchObject({ subject: '198.51.100.20', result: 'temperror' });
  });

  it('a route with no external sender still lets the user pick one of its hops to check', async () => {
    const internal = readFileSync(new URL('../fixtures/messages/one-org-public.eml', import.meta.url));
    expect((await analyze(internal, { resolver: null })).route).toMatchObject({
      origin: null,
      originMissingReason: expect.stringContaining('no external sender'),
    });
    const picked = await analyze(internal, { resolver: memoryResolver(ZONES), originHop: 1 });
    expect(picked.route).toMatchObject({ origin: { hopIndex: 1, ip: '198.51.100.71' }, originMissingReason: null });
    expect(picked.checks.find((c) => c.check === 'iprev' && c.hopIndex === 1)).toMatchObject({ subject: '198.51.100.71' });
  });

  it('warns once, with the counts, when the resolver itself gave no answer', async () => {
    const url = 'https://dns.example/dns-query';
    const unreachable: Resolver = {
      label: url,
      query: async (name, type) => {
        throw new DnsError('network', `cannot reach ${url}: fetch failed (getaddrinfo ENOTFOUND dns.example) (failed twice)`, { name, type }, url);
      },
    };
    const headerWarnings = (await analyze(sample, { resolver: null })).warnings;
    const report = await analyze(sample, { resolver: unreachable });
    const asked = report.dns.distinctQuestions;
    expect(asked).toBeGreaterThan(3);
    expect(report.warnings).toEqual([
      ...headerWarnings,
      {
        kind: 'dns-unanswered',
        text: `${asked} of ${asked} DNS questions got no answer from ${url} (cannot reach the resolver: fetch failed (getaddrinfo ENOTFOUND dns.example) (failed twice)). The temperror results below come from that, not from the sender's DNS. Check this computer's network connection or choose another resolver, then run the analysis again.`,
      },
    ]);
    // Each temperror would say the same about this side's network: the line says it once.
    expect(report.summary).toBe(`Sender 203.0.113.25 — not checked: ${url} answered no question`);
    expect(report.dns.unanswered).toBe(asked);
    expect(resolverFailedEveryQuestion(report.dns)).toBe(true);
  });

  it('counts only the questions left unanswered, and says the rest may be real', async () => {
    const url = 'https://dns.example/dns-query';
    const zones = memoryResolver(ZONES);
    const failed = new Set<string>();
    const partial: Resolver = {
      label: url,
      async query(name, type, options) {
        if (name !== 'example.com') return zones.query(name, type, options);
        failed.add(`${name} ${type}`);
        throw new DnsError('timeout', `no answer from ${url} within 200 ms (failed twice)`, { name, type }, url);
      },
    };
    const report = await analyze(sample, { resolver: partial });
    expect(failed.size).toBeGreaterThan(0);
    expect(failed.size).toBeLessThan(report.dns.distinctQuestions);
    expect(report.dns.unanswered).toBe(failed.size);
    expect(resolverFailedEveryQuestion(report.dns)).toBe(false);
    expect(report.warnings.filter((w) => w.kind === 'dns-unanswered').map((w) => w.text)).toEqual([
      `${failed.size} of ${report.dns.distinctQuestions} DNS questions got no answer from ${url} (no answer from the resolver within 200 ms (failed twice)). Where a result below is temperror because of that, it says nothing about the sender's DNS. Check this computer's network connection or choose another resolver, then run the analysis again.`,
    ]);
  });

  it('gives no resolver warning when answers came back, SERVFAIL included', async () => {
    const headerWarnings = (await analyze(sample, { resolver: null })).warnings;
    const servfail = await analyze(sample, { resolver: memoryResolver({ ...ZONES, 'example.com': 'SERVFAIL', '25.113.0.203.in-addr.arpa': 'SERVFAIL' }) });
    expect(servfail.checks.filter((c) => c.result === 'temperror').length).toBeGreaterThan(1);
    expect(servfail.warnings).toEqual(headerWarnings);
    expect(servfail.dns.unanswered).toBe(0);
    expect(resolverFailedEveryQuestion(servfail.dns)).toBe(false);
  });

  it('stops with an AbortError when cancelled mid-lookup, leaving no rejection unhandled', async () => {
    const controller = new AbortController();
    const hanging: Resolver = {
      label: 'hanging',
      query: (_name, _type, options) =>
        new Promise((_, reject) => {
          // Like every real resolver, it refuses a question asked after the cancellation.
          if (options?.signal?.aborted) return reject(new DOMException('cancelled', 'AbortError'));
          options?.signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
          controller.abort();
        }),
    };
    await expect(analyze(sample, { resolver: hanging, signal: controller.signal })).rejects.toThrow(/cancelled|aborted/);
  });
});
