import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readHeaders } from '../../../src/core/analyze-headers.js';
import { CHECKS, type CheckResult } from '../../../src/core/checks/index.js';
import { envelopeOf } from '../../../src/core/checks/envelope.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { srsOriginal } from '../../../src/core/hostnames/srs.js';
import { runChecks } from '../../../src/core/run-checks.js';
import { formatReport } from '../../../src/cli/format-text.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { ZONES } from '../../support/test-zones.js';

const resolver = memoryResolver(ZONES);
const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/messages/${name}`, import.meta.url));
const brief = (r: CheckResult) => [r.check, r.subject, r.result, r.severity, r.hopIndex];

describe('SRS addresses', () => {
  it('give back the original envelope sender of SRS0 and SRS1, and nothing for other addresses', () => {
    expect(srsOriginal('SRS0=h2k9=5Q=example.com=sam@fastmail.com')).toBe('sam@example.com');
    expect(srsOriginal('srs0+Ab3d=Q4=example.com=first=last@example.org')).toBe('first=last@example.com');
    expect(srsOriginal('SRS1=Xy12=fwd1.example.org==Ab3d=Q4=example.com=alice@fwd2.example.net')).toBe('alice@example.com');
    for (const other of [
      'alice@example.com',
      'SRS0=broken@example.org',
      'alice+caf_=bob=example.net@gmail.com',
      `SRS0=a=b=example.com=${'x'.repeat(300)}@example.org`,
    ])
      expect(srsOriginal(other), other).toBeNull();
  });
});

describe("a forward's second origin: HELO, SPF and MX on the original sender's hop too", () => {
  it('checks both hops of an SRS forward and labels the original sender’s results as such', async () => {
    const report = await analyze(fixture('srs-forward.eml'), { resolver });
    expect(report.route.origin).toMatchObject({ hopIndex: 2, ip: '198.51.100.80' });
    expect(report.route.originalSender).toMatchObject({ hopIndex: 0, ip: '203.0.113.25' });
    const first = report.checks.filter((c) => c.hopIndex === 0 && c.check !== 'then-vs-now');
    expect(first.map(brief)).toEqual([
      ['iprev', '203.0.113.25', 'pass', 'ok', 0],
      ['helo', 'mail.example.com', 'pass', 'ok', 0],
      ['spf', 'example.com', 'pass', 'ok', 0],
    ]);
    for (const r of first) expect(r.summary, r.check).toMatch(/^Original sender, hop 1: /);
    const spf = first.find((c) => c.check === 'spf')!;
    expect(spf.check === 'spf' && spf.result !== 'not-checked' && spf.details).toMatchObject({ ip: '203.0.113.25', mailFrom: 'alice@example.com' });
    expect(spf.explanation).toContain("Return-Path SRS0=Ab3d=Q4=example.com=alice@example.org is the forwarder's SRS rewrite");
    expect(spf.explanation).toContain("the final receiver checked the forwarder's hop, not this one");
    expect(first[0]!.explanation).toContain("This is the original sender's IP, which connected to the first receiver");
    // The SRS domain of the forwarder and the From: domain, which is also the original envelope's.
    const mx = report.checks.filter((c) => c.check === 'mx');
    expect(mx.map((c) => [c.subject, c.check === 'mx' && 'roles' in c.details ? c.details.roles : null, c.hopIndex])).toEqual([
      ['example.org', ['envelope-from'], null],
      ['example.com', ['from', 'original-envelope-from'], null],
    ]);
    // Within each check the sender's result comes first, the original sender's last.
    expect(report.checks.filter((c) => c.check === 'spf').map((c) => c.hopIndex)).toEqual([2, 0]);
    // After the providers' checklist, which is about the forwarder's hop, the sender's results (example.org's SPF record in the shared test zones is over the lookup limit).
    expect(report.summary).toMatch(
      /\. Sender 198\.51\.100\.80 — reverse DNS permerror, HELO fail, SPF permerror, DKIM none, MX fail, DMARC none, then vs now differs$/,
    );
    expect(report.summary).toMatch(/^Gmail, Yahoo: all senders: SPF or DKIM, reverse DNS missing; /);
    // What the first receiver recorded can now be compared with a live check of the same hop.
    expect(report.checks.filter((c) => c.check === 'then-vs-now' && c.hopIndex === 0).map((c) => c.result)).toEqual(['same']);
    expect(formatReport(report)).toContain('Original sender, hop 1: SPF pass: 203.0.113.25 is allowed to send for example.com');
    expect(renderMarkdown(report)).toContain('Original sender, hop 1: HELO mail.example.com');
  });

  it("leaves the chosen sender's verdicts as they are without the second origin", async () => {
    for (const name of ['srs-forward.eml', 'hosted-forward-to-gmail.eml', 'gmail-forwarding.eml', 'mailman-list.eml', 'listserv-no-for.eml']) {
      const { analysis } = await readHeaders(fixture(name));
      const origin = analysis.route.hops[analysis.route.origin!.hopIndex]!;
      const firstHop = analysis.route.hops[analysis.route.originalSender!.hopIndex]!;
      const base = { analysis, origin, resolver, software: null, now: new Date('2025-10-15T00:00:00Z') };
      const alone = await runChecks(CHECKS, base, () => {});
      const both = await runChecks(CHECKS, { ...base, originalSender: { hop: firstHop, software: null } }, () => {});
      const order = (rs: CheckResult[]) => rs.map(brief).map(String).sort();
      // What changes is only about the original sender's hop: its own HELO, SPF and MX, and its iprev's words.
      const notFirst = (rs: CheckResult[]) => rs.filter((r) => r.hopIndex !== firstHop.index && r.check !== 'then-vs-now');
      expect(order(notFirst(both)), name).toEqual(order(notFirst(alone)));
      expect(both.filter((r) => r.check === 'helo' || r.check === 'spf').length, name).toBe(4);
    }
  });

  it("reads the original envelope sender: the first receiver's record, SRS, a kept Return-Path, else the From: domain", async () => {
    const envelope = async (name: string, edit: (raw: string) => string = (r) => r) => {
      const { analysis } = await readHeaders(edit(new TextDecoder().decode(fixture(name))));
      const hop = (i: number) => analysis.route.hops[i]!;
      return envelopeOf({ analysis }, hop(analysis.route.originalSender!.hopIndex));
    };
    expect(await envelope('hosted-forward-to-gmail.eml')).toMatchObject({ mailFrom: 'sam@example.com', source: 'return-path' });
    // A list's or Gmail's own bounce address replaced the original: the From: domain stands in, and says so.
    expect(await envelope('mailman-list.eml')).toMatchObject({ mailFrom: 'example.com', source: 'from-header' });
    expect((await envelope('mailman-list.eml'))!.note).toContain(
      "Return-Path dev-bounces+tina=example.net@lists.example.org is the forwarder's or list's own address",
    );
    expect(await envelope('gmail-forwarding.eml')).toMatchObject({ mailFrom: 'example.com', source: 'from-header' });
    expect(await envelope('listserv-no-for.eml')).toMatchObject({ mailFrom: 'sender.example', source: 'from-header' });
    // A forward that kept the envelope sender.
    const kept = await envelope('srs-forward.eml', (r) => r.replace(/^Return-Path: .*$/m, 'Return-Path: <alice@example.com>'));
    expect(kept).toMatchObject({
      mailFrom: 'alice@example.com',
      source: 'return-path',
      note: 'The forwarder kept the original envelope sender (Return-Path).',
    });
    // What the first receiver wrote in its own Received header comes first.
    const recorded = await envelope('srs-forward.eml', (r) =>
      r.replace(
        'by fwd.example.org (Postfix) with ESMTPS id 1A2B3C4D5E',
        'by fwd.example.org (Postfix) with ESMTPS id 1A2B3C4D5E\n\t(envelope-from <alice@mail.example.com>)',
      ),
    );
    expect(recorded).toMatchObject({ mailFrom: 'alice@mail.example.com', source: 'received' });
  });

  it('has no second origin when the original sender is the chosen sender', async () => {
    const report = await analyze(fixture('srs-forward.eml'), { resolver, originHop: 0 });
    expect(report.checks.filter((c) => c.check === 'spf').map((c) => [c.hopIndex, c.summary.startsWith('Original sender')])).toEqual([[0, false]]);
    // Chosen as the sender, the original sender's hop is still checked with the original envelope sender, not the forwarder's SRS address.
    expect(report.summary).toMatch(/\. Sender 203\.0\.113\.25 mail\.example\.com — reverse DNS pass, HELO pass, SPF pass/);
  });
});
