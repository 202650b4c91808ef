import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { CHECKS, type CheckResult } from '../../src/core/checks/index.js';
import { formatReport } from '../../src/cli/format-text.js';
import { MAX_OTHER_HOPS } from '../../src/core/checks/iprev/check.js';
import { MAX_CLAIM_ROWS } from '../../src/core/claims/row-cap.js';
import { claimTable } from '../../src/core/report/claim-rows.js';
import { renderHtml } from '../../src/core/report/exporters/html.js';
import { renderJson } from '../../src/core/report/exporters/json.js';
import { renderMarkdown } from '../../src/core/report/exporters/markdown.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { memoryResolver, type MemoryZone } from '../../src/core/dns/memory.js';
import { checklistResults, senderResults } from '../../src/core/report/summary.js';
import type { Report } from '../../src/core/report/types.js';
import { rsaKey, signMessage } from '../support/dkim-signer.js';
import { stuffAuthResults, stuffingLine, stuffReceived } from '../support/long-route.js';
import { ZONES } from '../support/test-zones.js';

const NOW = () => new Date('2025-10-14T10:00:00Z');

/**
 * Issue 11's header stuffing: made-up Received lines below the real ones, from public
 * addresses (each a lookup if checked), and some repeating the sender's IP with its rDNS, which
 * then-vs-now compares.
 */
function stuffing(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) return stuffingLine(i, `2001:db8:${(i >> 16).toString(16)}::${(i & 0xffff).toString(16)}`);
    if (i % 3 === 1) return stuffingLine(i, `198.51.100.${i % 256}`).replace(`(relay${i}.example.org [`, '(mail.example.com [');
    return stuffingLine(i, '203.0.113.25').replace(`(relay${i}.example.org [`, '(mail.example.com [');
  });
}

/** A sender verdict as the reader sees it, without the hop number the stuffing shifts. */
function verdictOf(r: CheckResult) {
  const { hopIndex: _hop, evidence: _evidence, ...rest } = r;
  return rest;
}

describe('a message with 10,000 stuffed Received hops (issue 11)', () => {
  let signed: Uint8Array;
  let zones: MemoryZone;
  beforeAll(async () => {
    const key = await rsaKey();
    zones = { ...ZONES, 'sel._domainkey.example.com': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] };
    signed = await signMessage(readFileSync(new URL('../../public/samples/sample.eml', import.meta.url)), key);
  });
  const run = (raw: string | Uint8Array): Promise<Report> => analyze(raw, { resolver: cachingResolver(memoryResolver(zones)), now: NOW });

  it('gives the sender the same verdict in every check, asking no more DNS questions than 100 stuffed hops do', async () => {
    const plain = await run(signed);
    const few = await run(stuffReceived(signed, stuffing(100)));
    const stuffed = await run(stuffReceived(signed, stuffing(10_000)));
    expect(stuffed.route.hops.length).toBe(plain.route.hops.length + 10_000);

    // Every registered check has a verdict about the sender, and it is the same; the providers'
    // checklist, which the summary line leads with, too. ARC has nothing to say of a message no
    // intermediary sealed.
    const names = CHECKS.filter((c) => c.meta.section !== 'checklist' && c.name !== 'arc').map((c) => c.name);
    expect(senderResults(plain).map((r) => r.check)).toEqual(expect.arrayContaining(names));
    expect(checklistResults(plain).map((r) => r.subject)).toEqual(['Gmail', 'Yahoo', 'Outlook.com']);
    expect(checklistResults(stuffed).map(verdictOf)).toEqual(checklistResults(plain).map(verdictOf));
    expect(senderResults(plain).find((r) => r.check === 'dkim')?.result).toBe('pass');
    expect(senderResults(plain).find((r) => r.check === 'spf')?.result).toBe('pass');
    expect(senderResults(stuffed).map(verdictOf)).toEqual(senderResults(plain).map(verdictOf));
    expect(stuffed.summary).toBe(plain.summary);

    // The cost is the nearest hops', whatever the count of the rest.
    expect(stuffed.dns.distinctQuestions).toBe(few.dns.distinctQuestions);
    expect(stuffed.dns.queriesSent).toBe(few.dns.queriesSent);
    const iprev = stuffed.checks.filter((c) => c.check === 'iprev');
    expect(iprev.length).toBeLessThanOrEqual(1 + MAX_OTHER_HOPS + 1);
    const leftOut = iprev.find((c) => c.result === 'not-checked' && 'ipsLeftOut' in c.details);
    expect(leftOut?.details).toEqual({ ipsLeftOut: expect.any(Number), maxOtherHops: MAX_OTHER_HOPS });
    expect(leftOut?.summary).toMatch(/^Reverse DNS not checked for \d+ more hop IPs: more than 20 other hops$/);
    expect(stuffed.checks.filter((c) => c.check === 'then-vs-now').length).toBeLessThanOrEqual(
      plain.checks.filter((c) => c.check === 'then-vs-now').length + 1 + MAX_OTHER_HOPS,
    );
  }, 120_000);
});

describe('a message with 10,000 Authentication-Results fields below its real ones', () => {
  it("compares the receiver's own and counts the rest, in the same sentence in the CLI, JSON, Markdown and HTML, and caps the table of claims alike", async () => {
    const sample = readFileSync(new URL('../../public/samples/sample.eml', import.meta.url), 'utf8');
    const report = await analyze(stuffAuthResults(sample, 10_000), { resolver: memoryResolver(ZONES), now: NOW });
    const rows = report.checks.filter((c) => c.check === 'then-vs-now' && c.result !== 'not-checked');
    // The receiver's own Authentication-Results (iprev, spf, dkim), its Received-SPF and the recorded rDNS all stay.
    expect(rows.filter((r) => r.result !== 'untrusted').map((r) => r.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'iprev', receiver: 'mx1.example.net' }),
        expect.objectContaining({ kind: 'spf', source: 'Authentication-Results' }),
        expect.objectContaining({ kind: 'spf', source: 'Received-SPF' }),
        expect.objectContaining({ kind: 'rdns' }),
      ]),
    );
    const fromFields = rows.filter((r) => 'source' in r.details && r.details.source !== 'Received');
    expect(fromFields).toHaveLength(MAX_CLAIM_ROWS);
    const left = report.checks.filter((c) => c.check === 'then-vs-now' && c.result === 'not-checked');
    // The receiver's field holds 3 rows and Received-SPF 1: the rest of the room goes to the stuffed fields.
    const sentence = `${10_000 - (MAX_CLAIM_ROWS - 4)} more Authentication-Results fields not compared`;
    expect(left.map((c) => c.summary)).toEqual([sentence]);
    for (const text of [formatReport(report), renderJson(report), renderMarkdown(report), renderHtml(report)]) expect(text).toContain(sentence);
    // The table of what receivers recorded, as written, has the same cap: the top fields, whole, and the count of the rest.
    const table = claimTable(report.claims);
    expect(table.rows).toHaveLength(MAX_CLAIM_ROWS);
    expect(table.rows.slice(0, 4).map((r) => r.server)).toEqual(['mx1.example.net', 'mx1.example.net', 'mx1.example.net', 'mx1.example.net']);
    expect(table.fieldsLeftOut).toBe(10_000 - (MAX_CLAIM_ROWS - 4));
    for (const text of [renderMarkdown(report), renderHtml(report)]) expect(text).toContain(table.leftOut!.text);
  }, 60_000);
});
