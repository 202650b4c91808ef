import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/report/summary.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

describe('summary line', () => {
  it('names the sender and repeats each check’s result word, lead checks first', () => {
    expect(summarize(sampleReport)).toBe(
      'Sender 203.0.113.25 mail.example.com — reverse DNS pass, HELO pass, SPF softfail, MX pass, then vs now fail',
    );
  });

  it('reports the result about the sender when a check ran on several hops', () => {
    const other = { ...sampleReport.checks[0]!, subject: '198.51.100.7', hopIndex: 0, result: 'temperror' };
    const line = summarize({ ...sampleReport, checks: [other, ...sampleReport.checks] });
    expect(line).toContain('reverse DNS pass');
    expect(line).not.toContain('temperror');
  });

  it('says why there is no sender, and when DNS was off or no check ran', () => {
    const route = { ...sampleReport.route, origin: null, originMissingReason: 'every hop has a private IP' };
    expect(summarize({ ...sampleReport, route, checks: [] })).toBe('No sender found: every hop has a private IP — no checks ran');
    expect(summarize({ ...sampleReport, dns: { ...sampleReport.dns, mode: 'off' }, checks: [] })).toBe(
      'Sender 203.0.113.25 — DNS checks off',
    );
  });

  it('names the sender only by the name iprev verified, never by a recorded rDNS or the HELO', () => {
    // A forged hop: the receiver recorded no reverse DNS, the sender said "mail.bank.example".
    const hops = sampleReport.route.hops.map((h, i) =>
      i === sampleReport.route.origin!.hopIndex ? { ...h, received: { ...h.received, rdns: null, helo: 'mail.bank.example' } } : h);
    const failed = sampleReport.checks.map((c) => (c.check === 'iprev' ? { ...c, result: 'permerror', details: { ...c.details, matchedName: null } } : c));
    const line = summarize({ ...sampleReport, route: { ...sampleReport.route, hops }, checks: failed });
    expect(line).toMatch(/^Sender 203\.0\.113\.25 — reverse DNS permerror/);
    expect(line).not.toContain('bank');
    const recordedOnly = sampleReport.route.hops.map((h) => ({ ...h, received: { ...h.received, rdns: 'mail.bank.example' } }));
    expect(summarize({ ...sampleReport, route: { ...sampleReport.route, hops: recordedOnly }, checks: failed })).not.toContain('bank');
  });

  it('ends the missing-sender reason without a full stop before the dash', () => {
    const route = { ...sampleReport.route, origin: null, originMissingReason: 'Every client address in the route is private or local.' };
    expect(summarize({ ...sampleReport, route, dns: { ...sampleReport.dns, mode: 'off' } })).toBe(
      'No sender found: Every client address in the route is private or local — DNS checks off',
    );
  });
});
