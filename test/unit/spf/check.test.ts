import { describe, expect, it } from 'vitest';
import { spfCheck } from '../../../src/core/checks/spf/index.js';
import type { SpfCheckResult } from '../../../src/core/checks/spf/check.js';
import { NOT_CHECKED, type CheckContext } from '../../../src/core/checks/types.js';
import type { SenderSoftware } from '../../../src/core/software/detect.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { DnsError } from '../../../src/core/dns/types.js';
import type { MessageInfo } from '../../../src/core/message/types.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import type { Hop } from '../../../src/core/route/types.js';
import { hops } from '../../support/builders.js';

/** The SPF part of the shared test zones (test/support/zones/README.md). */
const ZONE: MemoryZone = {
  'example.com': [
    { type: 'MX', data: { preference: 10, exchange: 'mail.example.com' } },
    { type: 'TXT', data: 'v=spf1 ip4:203.0.113.24/29 ip6:2001:db8::/64 include:_spf.example.net -all' },
  ],
  'mail.example.com': [{ type: 'A', data: '203.0.113.25' }],
  '_spf.example.net': [{ type: 'TXT', data: 'v=spf1 ip4:198.51.100.0/24 ~all' }],
  'example.org': [{ type: 'TXT', data: `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:l${i + 1}.example.org`).join(' ')} -all` }],
  ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`l${i + 1}.example.org`, [{ type: 'TXT' as const, data: 'v=spf1 -all' }]])),
  'nomx.example': [{ type: 'A', data: '203.0.113.50' }],
};

function hop(fields: Partial<ReceivedFields>): Hop {
  return hops({ by: 'mx.example.net', with: 'ESMTP', ...fields })[0]!;
}

function context(origin: Hop | null, message: Partial<MessageInfo> = {}, software: SenderSoftware | null = null): CheckContext {
  return {
    analysis: {
      message: {
        subject: 'test',
        from: 'alice@example.com',
        fromDisplay: null,
        to: ['bob@example.net'],
        returnPath: 'alice@example.com',
        date: null,
        dateRaw: null,
        messageId: null,
        headers: [],
        headersOnly: true,
        ...message,
      },
      route: {
        hops: origin ? [origin] : [],
        totalTransitSeconds: null,
        origin: origin && { hopIndex: origin.index, ip: origin.received.ip ?? '', reasons: [{ kind: 'entered', text: 'test' }], confidence: 'high' },
        originMissingReason: origin ? null : 'no Received header names a public IP',
        originalSender: null,
        recipient: null,
        replay: null,
      },
      claims: { authResults: [], receivedSpf: [], arc: { sets: [], structure: 'none', problem: null } },
      embedded: [],
      embeddedIndex: null,
      warnings: [],
    },
    origin,
    resolver: memoryResolver(ZONE),
    software,
    earlier: [],
  };
}

async function run(ctx: CheckContext): Promise<SpfCheckResult[]> {
  const out: SpfCheckResult[] = [];
  for await (const r of spfCheck.run(ctx)) out.push(r);
  return out;
}

const mail = hop({ ip: '203.0.113.25', helo: 'mail.example.com' });

describe('spfCheck', () => {
  it('passes the sample origin 203.0.113.25 for example.com, with evidence of the TXT lookup', async () => {
    const [r, ...rest] = await run(context(mail));
    expect(rest).toHaveLength(0);
    expect(r).toMatchObject({ check: 'spf', subject: 'example.com', result: 'pass', severity: 'ok', hopIndex: 0, advice: [] });
    expect(r!.details).toMatchObject({ identity: 'mailfrom', ip: '203.0.113.25', mailFrom: 'alice@example.com', mechanism: 'ip4:203.0.113.24/29', lookups: 0 });
    expect(r!.evidence.map((e) => `${e.question.name} ${e.question.type}`)).toEqual(['example.com TXT']);
    expect(r!.evidence[0]!.records[0]).toContain('v=spf1 ip4:203.0.113.24/29');
  });

  it('fails 192.0.2.1 for example.com and says what to add', async () => {
    const [r] = await run(context(hop({ ip: '192.0.2.1', helo: 'mail.example.com' })));
    expect(r).toMatchObject({ result: 'fail', severity: 'error', subject: 'example.com' });
    expect(r!.details).toMatchObject({ mechanism: '-all', lookups: 1 });
    expect(r!.explanation).toMatch(/so the result is fail\. Receivers that enforce SPF reject the mail\.$/);
    expect(r!.advice).toEqual([
      'If 192.0.2.1 is a legitimate sender for example.com, add `ip4:192.0.2.1` (or the include: of the provider that runs it) to the SPF record of example.com, before its final "all".',
    ]);
    expect(r!.evidence.map((e) => e.question.name)).toEqual(['example.com', '_spf.example.net']);
  });

  it('passes an address listed in the included record', async () => {
    const [r] = await run(context(hop({ ip: '198.51.100.7', helo: 'x.example.com' })));
    expect(r!.result).toBe('pass');
    expect(r!.details).toMatchObject({ mechanism: 'include:_spf.example.net' });
  });

  it('is permerror for example.org, which needs more than 10 lookups, and says how to flatten', async () => {
    const [r] = await run(context(mail, { returnPath: 'bounce@example.org' }));
    expect(r).toMatchObject({ result: 'permerror', subject: 'example.org', severity: 'error' });
    expect(r!.details).toMatchObject({ lookups: 11 });
    expect(r!.explanation).toContain('include:l11.example.org in the SPF record of example.org is DNS-querying term number 11; RFC 7208 §4.6.4 allows 10');
    expect(r!.advice).toEqual([
      expect.stringMatching(/^Bring the record of example.org under 10 DNS-querying terms .*: replace include: of services with the ip4:\/ip6: ranges/),
    ]);
  });

  it('is none for a domain without SPF and advises publishing one', async () => {
    const [r] = await run(context(mail, { returnPath: 'x@nomx.example' }));
    expect(r).toMatchObject({ result: 'none', severity: 'warning', subject: 'nomx.example' });
    expect(r!.advice.join(' ')).toContain('v=spf1 ip4:203.0.113.25 -all');
  });

  it('names the include of Microsoft 365 when the headers show it', async () => {
    const [r] = await run(context(hop({ ip: '192.0.2.1', helo: 'mail.example.com' }), {}, 'microsoft365'));
    expect(r!.advice.join(' ')).toContain('include:spf.protection.outlook.com');
  });

  it('checks the HELO name for the null sender', async () => {
    const [r] = await run(context(hop({ ip: '203.0.113.25', helo: 'example.com' }), { returnPath: '' }));
    expect(r).toMatchObject({ result: 'pass', subject: 'example.com' });
    expect(r!.details).toMatchObject({ identity: 'helo', mailFrom: '' });
    expect(r!.explanation).toContain('HELO name');
  });

  it('falls back to the Received envelope-from, then to the From: domain with a note', async () => {
    const [viaReceived] = await run(context(hop({ ip: '192.0.2.1', helo: 'h.example', envelopeFrom: '<x@example.org>' }), { returnPath: null }));
    expect(viaReceived).toMatchObject({ subject: 'example.org', result: 'permerror' });
    expect(viaReceived!.explanation).toContain('Received header');
    const [viaFrom] = await run(context(mail, { returnPath: null, from: 'alice@example.com' }));
    expect(viaFrom).toMatchObject({ subject: 'example.com', result: 'pass' });
    expect(viaFrom!.explanation).toContain('not the envelope sender');
  });

  it('does not check without an origin hop, or for a private origin IP', async () => {
    const [none] = await run(context(null));
    expect(none).toMatchObject({ result: NOT_CHECKED, hopIndex: null });
    expect(none!.explanation).toContain('no Received header names a public IP');
    const [priv] = await run(context(hop({ ip: '10.1.2.3', helo: 'mail.example.com' })));
    expect(priv).toMatchObject({ result: NOT_CHECKED, subject: '10.1.2.3', evidence: [] });
    expect(priv!.explanation).toContain('private');
  });

  it("is temperror when the domain's DNS fails", async () => {
    const ctx = context(mail, { returnPath: 'a@broken.example' });
    ctx.resolver = memoryResolver({ ...ZONE, 'broken.example': 'SERVFAIL' });
    const [r] = await run(ctx);
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
    expect(r!.details).toMatchObject({ problem: { kind: 'dns', lookup: { name: 'broken.example', type: 'TXT', rcode: 'SERVFAIL', error: null } } });
    expect(r!.advice).toEqual([
      'Check again in a few minutes. If broken.example TXT keeps failing with SERVFAIL, whoever runs the DNS of broken.example should check that the zone loads and is signed correctly: SERVFAIL usually means a zone that fails to load, a broken delegation or a DNSSEC failure.',
    ]);
  });

  it('blames the resolver, not the domain, when the resolver gives no answer', async () => {
    const ctx = context(mail);
    ctx.resolver = {
      label: 'https://dns.example/dns-query',
      query: async (name, type) => {
        throw new DnsError(
          'network',
          'cannot reach https://dns.example/dns-query: fetch failed (failed twice)',
          { name, type },
          'https://dns.example/dns-query',
        );
      },
    };
    const [r] = await run(ctx);
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
    expect(r!.advice[0]).toBe(
      "Hoplens got no answer from the resolver https://dns.example/dns-query when it asked for example.com TXT (cannot reach the resolver: fetch failed (failed twice)). Check this computer's network connection or choose another resolver (extension: Options; CLI: --resolver), then run the analysis again.",
    );
    expect(r!.advice.join(' ')).not.toContain('zone loads');
  });

  it('names the lookup that failed inside an include, not the domain that includes it', async () => {
    const ctx = context(hop({ ip: '192.0.2.1', helo: 'mail.example.com' }));
    ctx.resolver = memoryResolver({ ...ZONE, '_spf.example.net': 'SERVFAIL' });
    const [r] = await run(ctx);
    expect(r!.result).toBe('temperror');
    expect(r!.advice[0]).toContain('If _spf.example.net TXT keeps failing with SERVFAIL, whoever runs the DNS of _spf.example.net should');
  });
});
