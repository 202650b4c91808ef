import { describe, expect, it } from 'vitest';
import { heloCheck } from '../../../src/core/checks/helo/check.js';
import { iprevCheck } from '../../../src/core/checks/iprev/check.js';
import type { HeloCheckResult } from '../../../src/core/checks/helo/check.js';
import type { SenderSoftware } from '../../../src/core/software/detect.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';
import { ZONES } from '../../support/test-zones.js';

const resolver = memoryResolver(ZONES);

async function helo(name: string | null, ip: string, software: SenderSoftware | null = null): Promise<HeloCheckResult> {
  const analysis = analysisOf({ hops: hops({ helo: name, ip, by: 'mx.example.net' }) });
  const earlier = await collect(iprevCheck, contextOf(analysis, resolver));
  const results = await collect(heloCheck, contextOf(analysis, resolver, { software, earlier }));
  expect(results).toHaveLength(1);
  return results[0]!;
}

const stepResults = (r: HeloCheckResult) => r.details.steps.map((s) => s.result);

describe('heloCheck', () => {
  it('declares that it reads the iprev results', () => {
    expect(heloCheck.after).toEqual([iprevCheck]);
  });

  it('passes a public name that resolves to the IP and is its PTR name', async () => {
    const r = await helo('mail.example.com', '203.0.113.25');
    expect(r).toMatchObject({ check: 'helo', subject: 'mail.example.com', result: 'pass', severity: 'ok', advice: [], hopIndex: 0 });
    expect(stepResults(r)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('reads the PTR names from the iprev result instead of asking again', async () => {
    const r = await helo('mail.example.com', '203.0.113.25');
    expect(r.evidence.map((e) => e.question.type).sort()).toEqual(['A', 'AAAA']);
  });

  it('is permerror for the seed’s contoso.local case, and names the Exchange setting', async () => {
    const r = await helo('svr01.contoso.local', '203.0.113.25', 'exchange');
    expect(r).toMatchObject({ result: 'permerror', severity: 'error', summary: 'HELO svr01.contoso.local is not a public host name' });
    expect(stepResults(r)).toEqual(['fail', 'not-checked', 'not-checked', 'not-checked']);
    expect(r.evidence).toEqual([]);
    expect(r.advice[0]).toContain('mail.example.com');
    expect(r.advice.join('\n')).toContain('Set-SendConnector -Identity "<send connector name>" -Fqdn mail.example.com');
    expect(r.advice.join('\n')).toContain('Virtual SMTP Server → Properties → Delivery → Advanced');
  });

  it('is permerror, with a warning, for an address literal', async () => {
    const r = await helo('[203.0.113.25]', '203.0.113.25', 'postfix');
    expect(r).toMatchObject({ result: 'permerror', severity: 'warning' });
    expect(r.details.steps[0]!.detail).toContain('address literal');
    expect(r.advice.join('\n')).toContain('smtp_helo_name = mail.example.com');
  });

  it('is permerror for a single label', async () => {
    const r = await helo('EXCHANGE01', '203.0.113.25', 'exim');
    expect(r).toMatchObject({ result: 'permerror', severity: 'error' });
    expect(r.advice.join('\n')).toContain('helo_data = mail.example.com');
  });

  it('fails a name that does not resolve', async () => {
    const r = await helo('gone.example.com', '203.0.113.25', 'sendmail');
    expect(r).toMatchObject({ result: 'fail', severity: 'error' });
    expect(stepResults(r)).toEqual(['pass', 'fail', 'fail', 'fail']);
    expect(r.summary).toBe('HELO gone.example.com: gone.example.com does not exist in DNS (NXDOMAIN)');
    expect(r.advice[0]).toBe(
      'Either publish an A record gone.example.com → 203.0.113.25, or make the server announce mail.example.com, which already has both records.',
    );
    expect(r.advice.join('\n')).toContain("define(`confDOMAIN_NAME', `mail.example.com')dnl");
  });

  it('fails a name that resolves elsewhere', async () => {
    const r = await helo('other.example.com', '203.0.113.25');
    expect(r).toMatchObject({ result: 'fail', severity: 'warning' });
    expect(stepResults(r)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(r.summary).toContain('other.example.com does not point at 203.0.113.25: its A records are 203.0.113.99');
  });

  it('fails a name that resolves to the IP but differs from the PTR name', async () => {
    const r = await helo('mail2.example.com', '203.0.113.29');
    expect(r).toMatchObject({ result: 'fail', severity: 'warning' });
    expect(stepResults(r)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(r.summary).toBe("HELO mail2.example.com: 203.0.113.29's PTR name is alias.example.com, not mail2.example.com");
    expect(r.advice[0]).toContain('announce alias.example.com, or have the PTR of 203.0.113.29 changed to mail2.example.com');
  });

  it('fails the PTR step when the IP has no PTR', async () => {
    const r = await helo('mail.example.com', '203.0.113.30');
    expect(stepResults(r)).toEqual(['pass', 'pass', 'fail', 'fail']);
  });

  it('is temperror when the name’s lookup fails', async () => {
    const r = await helo('mail.broken.example', '203.0.113.32');
    expect(r).toMatchObject({ result: 'temperror', severity: 'warning' });
  });

  it('handles IPv6', async () => {
    const r = await helo('mail6.example.com', '2001:db8::25');
    expect(r.result).toBe('pass');
  });

  it('leaves the setting to a hosted provider', async () => {
    const r = await helo('svr01.contoso.local', '203.0.113.25', 'microsoft365');
    expect(r.advice).toHaveLength(1);
    expect(r.advice[0]).toMatch(/^Microsoft 365 sets the HELO name/);
  });

  it('says why when no HELO was recorded', async () => {
    const r = await helo(null, '203.0.113.25');
    expect(r).toMatchObject({ result: 'not-checked', severity: 'info', subject: '203.0.113.25' });
    expect(r.explanation).toContain('did not record the HELO/EHLO name');
  });

  it('is not-checked, not pass, when the hop records no IP to compare with', async () => {
    const analysis = analysisOf({ hops: hops({ helo: 'mail.example.com', ip: null }) });
    const earlier = await collect(iprevCheck, contextOf(analysis, resolver));
    const [r] = await collect(heloCheck, contextOf(analysis, resolver, { earlier }));
    expect(stepResults(r!)).toEqual(['pass', 'pass', 'not-checked', 'not-checked']);
    expect(r!.result).toBe('not-checked');
  });

  it('compares a private origin IP with the name without sending the IP anywhere', async () => {
    const analysis = analysisOf({ hops: hops({ helo: 'mail.example.com', ip: '10.0.0.5' }) });
    const earlier = await collect(iprevCheck, contextOf(analysis, resolver));
    const [r] = await collect(heloCheck, contextOf(analysis, resolver, { earlier }));
    expect(stepResults(r!)).toEqual(['pass', 'pass', 'fail', 'not-checked']);
    expect(r!.result).toBe('fail');
  });
});
