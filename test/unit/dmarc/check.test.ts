import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import type { DmarcCheckResult } from '../../../src/core/checks/dmarc/check.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { plainMessage, rsaKey, signMessage, type TestKey } from '../../support/dkim-signer.js';
import { tracingResolver } from '../checks/resolvers.js';

const NOW = () => new Date('2026-12-01T12:00:00Z');
const txt = (data: string) => ({ type: 'TXT' as const, data });

describe('the dmarc check in the pipeline', () => {
  let key: TestKey;
  let zone: MemoryZone;
  beforeAll(async () => {
    key = await rsaKey();
    zone = {
      'sel._domainkey.example.com': [txt(`v=DKIM1; p=${key.publicKey}`)],
      'sel._domainkey.esp.example': [txt(`v=DKIM1; p=${key.publicKey}`)],
      'example.com': [txt('v=spf1 ip4:192.0.2.10 -all')],
      'esp.example': [txt('v=spf1 ip4:192.0.2.10 -all')],
      '_dmarc.example.com': [txt('v=DMARC1; p=reject; pct=50; rua=mailto:agg@example.com')],
    };
  });
  const dmarcOf = async (raw: string | Uint8Array, z: MemoryZone = zone) => {
    const report = await analyze(raw, { resolver: memoryResolver(z), now: NOW });
    const found = report.checks.filter((c): c is DmarcCheckResult => c.check === 'dmarc');
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('passes on an aligned DKIM signature, and shows the record, the walk and each identifier', async () => {
    const r = await dmarcOf(await signMessage(plainMessage('Return-Path: <bounce@esp.example>'), key));
    expect(r).toMatchObject({ check: 'dmarc', subject: 'example.com', result: 'pass', severity: 'ok' });
    if (r.result === 'not-checked') throw new Error('checked');
    expect(r.details).toMatchObject({ recordFound: true, reason: 'aligned-pass', policy: { tag: 'p', effective: 'reject' } });
    expect(r.details.identifiers.map((i) => [i.kind, i.domain, i.authenticated, i.aligned])).toEqual([
      ['spf', 'esp.example', true, 'no'],
      ['dkim', 'example.com', true, 'yes'],
    ]);
    expect(r.summary).toBe('DMARC pass: DKIM d=example.com aligned with example.com (policy reject)');
    expect(r.explanation).toContain('RFC 9989 removed pct=50');
    expect(r.advice.join(' ')).toContain('Remove pct');
    expect(r.evidence.map((e) => e.question.name)).toContain('_dmarc.example.com');
  });

  it('fails when only another domain signs and sends: the fix names the domain', async () => {
    const r = await dmarcOf(await signMessage(plainMessage('Return-Path: <bounce@esp.example>'), key, { domain: 'esp.example' }));
    expect(r).toMatchObject({ result: 'fail', severity: 'error', details: { disposition: 'reject' } });
    const advice = r.advice.join(' ');
    expect(advice).toContain('Sign with d=example.com');
    expect(advice).toContain('Set the envelope sender (Return-Path) to an address at example.com or a subdomain of it');
  });

  it('does not align SPF on the From domain it only stood in with (no envelope sender known)', async () => {
    const r = await dmarcOf(plainMessage());
    expect(r.result).toBe('fail');
    if (r.result === 'not-checked') throw new Error('checked');
    expect(r.details.identifiers).toEqual([]);
  });

  it('none without a record, with the record to publish', async () => {
    const { '_dmarc.example.com': _, ...without } = zone;
    const r = await dmarcOf(plainMessage(), without);
    expect(r).toMatchObject({ result: 'none', severity: 'warning', details: { recordFound: false } });
    expect(r.advice[0]).toContain('Publish _dmarc.example.com');
  });

  it('temperror when the policy lookup fails, never pass or fail', async () => {
    const r = await dmarcOf(await signMessage(plainMessage(), key), { ...zone, '_dmarc.example.com': 'SERVFAIL' });
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
    expect(r.advice.join(' ')).toContain('SERVFAIL');
  });

  it('permerror for two From fields', async () => {
    const r = await dmarcOf(plainMessage('From: Mallory <m@example.net>'));
    expect(r).toMatchObject({ result: 'permerror', details: { reason: 'multiple-author-domains' } });
  });

  it("then vs now: the receiver's DKIM and DMARC words beside Hoplens' own; a copy written upstream is not trusted", async () => {
    const signed = new TextDecoder().decode(await signMessage(plainMessage('Authentication-Results: mx.example.net; dmarc=pass header.from=example.com'), key));
    const receiver = 'Authentication-Results: mx.example.net; dkim=pass header.d=example.com header.s=sel; dmarc=fail header.from=example.com\r\n';
    const report = await analyze(receiver + signed, { resolver: memoryResolver(zone), now: NOW });
    const rows = report.checks.filter((c) => c.check === 'then-vs-now').map((c) => `${c.result} ${c.subject} ${(c.details as { kind: string }).kind}`);
    expect(rows.filter((r) => !r.endsWith('rdns'))).toEqual(['same example.com dkim', 'differs example.com dmarc', 'untrusted example.com dmarc']);
  });

  it('sends the DMARC lookups with the first queries, not after SPF and DKIM', async () => {
    const resolver = tracingResolver(memoryResolver(zone, { latencyMs: 5 }));
    await analyze(await signMessage(plainMessage('Return-Path: <bounce@esp.example>'), key), { resolver, now: NOW });
    const dmarcStart = resolver.events.indexOf('start _dmarc.example.com TXT');
    const firstEnd = resolver.events.findIndex((e) => e.startsWith('end '));
    expect(dmarcStart).toBeGreaterThanOrEqual(0);
    expect(dmarcStart).toBeLessThan(firstEnd);
    // The envelope sender's walk goes out ahead too.
    expect(resolver.events.indexOf('start _dmarc.esp.example TXT')).toBeLessThan(firstEnd);
  });
});
