import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCheck, formatReport } from '../../../src/cli/format-text.js';
import { analyze } from '../../../src/core/analyze.js';
import type { CheckResult } from '../../../src/core/checks/index.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { DnsError, type Resolver } from '../../../src/core/dns/types.js';
import { ZONES } from '../../support/test-zones.js';

const result = (over: { result?: 'not-checked'; summary?: string; explanation?: string }): CheckResult => ({
  check: 'iprev',
  subject: '10.20.0.15',
  result: 'not-checked',
  severity: 'info',
  summary: '10.20.0.15: reverse DNS not checked',
  explanation: '10.20.0.15 is a private address (RFC 1918): never sent to a resolver',
  advice: [],
  hopIndex: 0,
  details: {},
  evidence: [],
  ...over,
});

describe('formatCheck', () => {
  it('says why a check did not run, as the README promises', () => {
    const lines = formatCheck(result({ result: 'not-checked' }));
    expect(lines[0]).toMatch(/^ {2}NOT-CHECKED +iprev +10\.20\.0\.15: reverse DNS not checked$/);
    expect(lines.slice(1).join(' ')).toContain('is a private address (RFC 1918): never sent to a resolver');
  });
});

describe('formatReport with a resolver that answered nothing', () => {
  const url = 'https://dns.example/dns-query';
  const why = 'fetch failed (getaddrinfo ENOTFOUND dns.example)';
  const dead: Resolver = {
    label: url,
    query: async (name, type) => {
      throw new DnsError('network', `cannot reach ${url}: ${why}`, { name, type }, url);
    },
  };
  const sample = readFileSync(new URL('../../../public/samples/sample.eml', import.meta.url));

  it('says the resolver failure once, at the top, and keeps each check it spoiled to one line', async () => {
    const report = await analyze(sample, { resolver: dead });
    const text = formatReport(report);
    const lines = text.split('\n');
    // Once: in the warning before the route, not again under each check.
    expect(text.split(why).length - 1).toBe(1);
    expect(lines.findIndex((l) => l.includes(why))).toBeLessThan(lines.findIndex((l) => l.startsWith('Route')));
    expect(text).not.toContain('fix: Hoplens got no answer');
    const temperrors = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ {2}TEMPERROR /.test(l));
    expect(temperrors.length).toBe(report.checks.filter((c) => c.result === 'temperror').length);
    expect(temperrors.length).toBeGreaterThan(3);
    // The line after each is the next check (or the end of the list), not an explanation.
    for (const [, i] of temperrors) expect(lines[i + 1]).toMatch(/^ {2}[A-Z-]+ |^$/);
  });

  it('keeps the explanation and the fix when the resolver answered (a SERVFAIL is the zone’s, not the resolver’s)', async () => {
    const report = await analyze(sample, { resolver: memoryResolver({ ...ZONES, 'example.com': 'SERVFAIL' }) });
    const text = formatReport(report);
    expect(text).toMatch(/TEMPERROR +mx .*\n {30}\S/);
    expect(text).toContain('fix: Check again in a few minutes.');
  });
});

describe('formatReport dates', () => {
  const headers = (date: string, received: string) =>
    `Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx1.example.net with ESMTP id a1; ${received}\r\nFrom: a@example.com\r\nDate: ${date}\r\nSubject: t\r\n\r\n`;

  it('shows each date as the header wrote it plus UTC, never as ISO with milliseconds', async () => {
    const text = formatReport(await analyze(headers('Tue, 14 Oct 2025 11:12:02 +0200', 'Tue, 14 Oct 2025 05:12:09 -0400 (EDT)')));
    expect(text).toContain('Date:    Tue, 14 Oct 2025 11:12:02 +0200 (2025-10-14 09:12:02 UTC)\n');
    expect(text).toMatch(/by mx1\.example\.net with ESMTP +Tue, 14 Oct 2025 05:12:09 -0400 \(EDT\) \(2025-10-14 09:12:09 UTC\)/);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });

  it('keeps a date it cannot read as written, and says so', async () => {
    const text = formatReport(await analyze(headers('someday soon', 'Tue, 14 Oct 2025 09:12:09 +0000')));
    expect(text).toContain('Date:    someday soon (not a date Hoplens can read)\n');
  });
});
