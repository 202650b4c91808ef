import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/checks/index.js';
import { summarize } from '../../../src/core/report/summary.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

describe('summary line', () => {
  it('leads with the providers’ checklist, then names the sender and repeats each check’s result word, lead checks first', () => {
    expect(summarize(sampleReport)).toBe(
      'Gmail, Yahoo: all senders: SPF or DKIM missing; bulk: SPF, DKIM, DMARC record, DMARC alignment, one-click unsubscribe missing · Outlook.com: bulk: SPF, DKIM, DMARC record, DMARC alignment missing. Sender 203.0.113.28 b.multi.example.com — reverse DNS pass, HELO pass, SPF softfail, DKIM none, MX pass, DMARC none, then vs now differs',
    );
  });

  it('reports the result about the sender when a check ran on several hops', () => {
    const first = sampleReport.checks[0]!;
    if (first.check !== 'iprev' || first.result === 'not-checked') throw new Error('the sample report starts with the sender’s iprev');
    const other = { ...first, subject: '198.51.100.7', hopIndex: 0, result: 'temperror' as const };
    const line = summarize({ ...sampleReport, checks: [other, ...sampleReport.checks] });
    expect(line).toContain('reverse DNS pass');
    expect(line).not.toContain('temperror');
  });

  it('says why there is no sender, and when DNS was off or no check ran', () => {
    const route = { ...sampleReport.route, origin: null, originMissingReason: 'every hop has a private IP' };
    expect(summarize({ ...sampleReport, route, checks: [] })).toBe('No sender found: every hop has a private IP — no checks ran');
    expect(summarize({ ...sampleReport, dns: { ...sampleReport.dns, mode: 'off' }, checks: [] })).toBe('Sender 203.0.113.28 — DNS checks off');
  });

  it('names the sender only by the name iprev verified, never by a recorded rDNS or the HELO', () => {
    // A forged hop: the receiver recorded no reverse DNS, the sender said "mail.bank.example".
    const hops = sampleReport.route.hops.map((h, i) =>
      i === sampleReport.route.origin!.hopIndex ? { ...h, received: { ...h.received, rdns: null, helo: 'mail.bank.example' } } : h,
    );
    const failed: CheckResult[] = sampleReport.checks.map((c) =>
      c.check === 'iprev' && c.result !== 'not-checked' ? { ...c, result: 'permerror' as const, details: { ...c.details, matchedName: null } } : c,
    );
    const line = summarize({ ...sampleReport, route: { ...sampleReport.route, hops }, checks: failed });
    expect(line).toMatch(/\. Sender 203\.0\.113\.28 — reverse DNS permerror/);
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
