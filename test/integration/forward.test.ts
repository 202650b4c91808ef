import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { dohResolver } from '../../src/core/dns/doh.js';

const resolver = dohResolver(inject('dohUrl'));
const raw = readFileSync(new URL('../fixtures/messages/srs-forward.eml', import.meta.url));

describe("a forward against BIND through DoH: the forwarder's hop and the original sender's, each checked", () => {
  it('gives each hop its own HELO and SPF verdicts, and labels the original sender’s', async () => {
    const report = await analyze(raw, { resolver });
    const about = (hopIndex: number) =>
      report.checks.filter((c) => c.hopIndex === hopIndex && ['iprev', 'helo', 'spf'].includes(c.check)).map((c) => [c.check, c.subject, c.result]);
    // The forwarder fwd.example.org, which the final receiver checked: its reverse zone does not load (SERVFAIL), its HELO
    // name has no address, and its SRS domain example.org has an SPF record over the ten-lookup limit.
    expect(about(2)).toEqual([
      ['iprev', '198.51.100.80', 'temperror'],
      ['helo', 'fwd.example.org', 'fail'],
      ['spf', 'example.org', 'permerror'],
    ]);
    // The original sender, checked for the envelope sender inside the SRS address.
    expect(about(0)).toEqual([
      ['iprev', '203.0.113.25', 'pass'],
      ['helo', 'mail.example.com', 'pass'],
      ['spf', 'example.com', 'pass'],
    ]);
    for (const c of report.checks.filter((c) => c.hopIndex === 0 && c.check !== 'then-vs-now')) expect(c.summary).toMatch(/^Original sender, hop 1: /);
    // The summary leads with the providers' checklist, then the sender the final receiver checked.
    expect(report.summary).toMatch(/\. Sender 198\.51\.100\.80 — reverse DNS temperror, HELO fail, SPF permerror, /);
  });
});
