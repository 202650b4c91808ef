import { describe, expect, it } from 'vitest';
import { mxCheck, type MxCheckResult } from '../../../src/core/checks/mx/check.js';
import { MAX_MX_TARGETS, type MxTarget } from '../../../src/core/checks/mx/evaluate.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import type { Resolver } from '../../../src/core/dns/types.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';
import { tracingResolver } from './resolvers.js';
import { ZONES } from '../../support/test-zones.js';

const EXTRA: MemoryZone = {
  'nullmx.example': [{ type: 'MX', data: { preference: 0, exchange: '.' } }],
  'txtonly.example': [{ type: 'TXT', data: 'v=spf1 -all' }],
  'noaddr.example': [{ type: 'MX', data: { preference: 10, exchange: 'mx.noaddr.example' } }],
  'mx.noaddr.example': [],
  'broken.example': 'SERVFAIL',
  'three.example': [1, 2, 3].map((n) => ({ type: 'MX' as const, data: { preference: n * 10, exchange: `mx${n}.three.example` } })),
  'mx1.three.example': [{ type: 'A', data: '203.0.113.41' }],
  'mx2.three.example': [{ type: 'A', data: '203.0.113.42' }],
  'mx3.three.example': [{ type: 'A', data: '10.0.0.43' }],
};
const resolver = memoryResolver({ ...ZONES, ...EXTRA });

async function mx(returnPath: string | null, from: string | null, r: Resolver = resolver): Promise<MxCheckResult[]> {
  const analysis = analysisOf({ hops: hops({ ip: '203.0.113.25' }), message: { returnPath, from } });
  return collect(mxCheck, contextOf(analysis, r));
}

const targets = (r: MxCheckResult): MxTarget[] => ('targets' in r.details ? r.details.targets : []);

describe('mxCheck', () => {
  it('passes host-name targets with addresses, once for a domain in both Return-Path and From', async () => {
    const results = await mx('bounce@example.com', 'alice@Example.COM');
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r).toMatchObject({ check: 'mx', subject: 'example.com', result: 'pass', severity: 'ok', advice: [] });
    expect(r!.details).toMatchObject({ roles: ['envelope-from', 'from'] });
    expect(targets(r!)).toEqual([
      { preference: 10, exchange: 'mail.example.com', addresses: ['203.0.113.25'], cnameChain: [], problems: [], transient: false },
    ]);
    expect(r!.summary).toBe('example.com: MX 10 mail.example.com (203.0.113.25)');
  });

  it('checks the envelope-from and From domains separately', async () => {
    const results = await mx('bounce@example.net', 'alice@example.com');
    expect(results.map((r) => [r.subject, 'roles' in r.details ? r.details.roles : null]).sort()).toEqual([
      ['example.com', ['from']],
      ['example.net', ['envelope-from']],
    ]);
  });

  it('fails a CNAME target and an IP address target', async () => {
    const [r] = await mx('a@example.org', null);
    expect(r).toMatchObject({ result: 'fail', severity: 'error', summary: 'example.org: 2 of 2 MX targets are wrong' });
    const [alias, ip] = targets(r!);
    expect(alias).toMatchObject({ exchange: 'mx-alias.example.org', cnameChain: ['mail.example.com'], addresses: ['203.0.113.25'] });
    expect(alias!.problems[0]).toContain('alias (CNAME) for mail.example.com');
    expect(ip).toMatchObject({ exchange: '203.0.113.25', addresses: [] });
    expect(ip!.problems[0]).toContain('is an IP address, not a host name');
    expect(r!.advice).toEqual([
      'Point "MX 10" at mail.example.com (the host itself) instead of the alias mx-alias.example.org.',
      'Replace "MX 20 203.0.113.25." with a host name whose A record is 203.0.113.25, for example: mail.example.org. IN A 203.0.113.25 and example.org. IN MX 20 mail.example.org.',
    ]);
    expect(r!.evidence.map((e) => e.question.name)).not.toContain('203.0.113.25');
  });

  it('recognises the null MX: the domain accepts no mail', async () => {
    const [r] = await mx('a@nullmx.example', null);
    expect(r).toMatchObject({ result: 'fail', severity: 'error', summary: 'nullmx.example publishes a null MX: it accepts no mail' });
    const [fromOnly] = await mx(null, 'a@nullmx.example');
    expect(fromOnly!.severity).toBe('warning');
  });

  it('reports the implicit MX (the domain’s own A record) as info', async () => {
    const [r] = await mx('a@nomx.example', null);
    expect(r).toMatchObject({ result: 'pass', severity: 'info' });
    expect(r!.details).toMatchObject({ implicit: true });
    expect(targets(r!)[0]!.addresses).toEqual(['203.0.113.50']);
    expect(r!.summary).toContain('implicit MX');
  });

  it('is none for a domain that does not exist, or has neither MX nor address', async () => {
    const [nx] = await mx('a@nosuch.example', null);
    expect(nx).toMatchObject({ result: 'none', severity: 'error', summary: 'nosuch.example does not exist (NXDOMAIN)' });
    const [empty] = await mx('a@txtonly.example', null);
    expect(empty).toMatchObject({ result: 'none' });
    expect(empty!.summary).toContain('neither an MX nor an A/AAAA record');
  });

  it('fails a target without addresses, and one with a private address', async () => {
    const [noaddr] = await mx('a@noaddr.example', null);
    expect(noaddr!.result).toBe('fail');
    expect(targets(noaddr!)[0]!.problems).toEqual(['mx.noaddr.example has neither an A nor an AAAA record']);
    const [three] = await mx('a@three.example', null);
    expect(three).toMatchObject({ result: 'fail', severity: 'warning' });
    expect(targets(three!)[2]!.problems[0]).toContain('10.0.0.43');
  });

  it('is temperror when the MX lookup fails', async () => {
    const [r] = await mx('a@broken.example', null);
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
  });

  it('is temperror when a target lookup times out', async () => {
    const r = memoryResolver({ ...ZONES, ...EXTRA, 'mx.noaddr.example': 'TIMEOUT' });
    const [result] = await mx('a@noaddr.example', null, r);
    expect(result!.result).toBe('temperror');
  });

  it('looks up all targets’ addresses at once', async () => {
    const r = tracingResolver(memoryResolver({ ...ZONES, ...EXTRA }, { latencyMs: 2 }));
    await mx('a@three.example', null, r);
    expect(r.maxInFlight.get('A')).toBe(3);
    expect(r.maxInFlight.get('AAAA')).toBe(3);
  });

  it('says why when there is no sender domain', async () => {
    const [r] = await mx('', null);
    expect(r).toMatchObject({ result: 'not-checked' });
  });
  it('looks up at most MAX_MX_TARGETS of 2,500 MX records, lowest preference first, and says how many it left out', async () => {
    const zone: MemoryZone = {
      'many.example': Array.from({ length: 2500 }, (_, n) => ({ type: 'MX' as const, data: { preference: 2500 - n, exchange: `mx${n}.many.example` } })),
    };
    for (let n = 0; n < 2500; n++) zone[`mx${n}.many.example`] = [{ type: 'A', data: '203.0.113.50' }];
    const traced = tracingResolver(memoryResolver(zone));
    const [r] = await mx('a@many.example', null, traced);
    // The MX question, then A and AAAA of each target looked up.
    expect(traced.events.filter((e) => e.startsWith('start ')).length).toBe(1 + 2 * MAX_MX_TARGETS);
    expect(r).toMatchObject({ result: 'pass', details: { targetsLeftOut: 2500 - MAX_MX_TARGETS } });
    expect(targets(r!).map((t) => t.preference)).toEqual(Array.from({ length: MAX_MX_TARGETS }, (_, n) => n + 1));
    expect(r!.summary).toMatch(/, and 2490 more not checked$/);
    expect(r!.explanation).toContain('It publishes 2500 MX records; only the 10 with the lowest preference were checked');
    expect(r!.explanation).toContain('and 2490 were left out.');
  });

  it('says nothing of a cap when a domain has fewer targets', async () => {
    const [r] = await mx('a@three.example', null);
    expect(r!.details).toMatchObject({ targetsLeftOut: 0 });
    expect(r!.explanation).not.toContain('left out');
  });
});
