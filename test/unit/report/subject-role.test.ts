import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { roleHopsOf, subjectRole } from '../../../src/core/report/subject-role.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { TWO_DOMAINS } from '../../fixtures/reports/two-domains.js';
import { ZONES } from '../../support/test-zones.js';
import { getMessage } from '../ui/fake-i18n.js';

describe('subject roles', () => {
  it('name which domain an MX or SPF result is about, and whose IP an iprev result is', async () => {
    const report = await analyze(TWO_DOMAINS, { resolver: memoryResolver(ZONES) });
    const hops = roleHopsOf(report.route);
    const roles = report.checks.map((c) => `${c.check} ${c.subject} (${subjectRole(c, hops)?.text ?? '-'})`);
    expect(roles).toContain('mx example.net (Return-Path)');
    expect(roles).toContain('mx example.com (From:)');
    expect(roles).toContain('spf example.net (Return-Path)');
    expect(roles).toContain('iprev 203.0.113.25 (sender)');
    expect(roles).toContain("helo mail.example.com (the sender's HELO)");
    const md = renderMarkdown(report);
    expect(md).toMatch(/MX records\u2069 — `\u2068example.net\u2069` \(Return-Path\)/);
    expect(md).toMatch(/MX records\u2069 — `\u2068example.com\u2069` \(From:\)/);
    expect(renderHtml(report)).toContain('</code> (From:) <span class="badge">');
  });

  it('names one domain in both roles once, and another hop by its number', () => {
    const origin = roleHopsOf(sampleReport.route);
    const mx = sampleReport.checks.find((c) => c.check === 'mx')!;
    expect(subjectRole(mx, origin)?.text).toBe('Return-Path and From:');
    expect(subjectRole({ check: 'iprev', hopIndex: 3, details: {} }, origin)?.text).toBe('hop 4');
    expect(subjectRole({ check: 'dkim', hopIndex: null, details: {} }, origin)).toBeNull();
  });

  it('says each role in the pages’ words the same as in the exports', () => {
    const samples = [
      { check: 'mx', hopIndex: null, details: { roles: ['envelope-from'] } },
      { check: 'mx', hopIndex: null, details: { roles: ['from'] } },
      { check: 'mx', hopIndex: null, details: { roles: ['envelope-from', 'from'] } },
      { check: 'spf', hopIndex: 1, details: { identity: 'helo' } },
      { check: 'helo', hopIndex: 1, details: { helo: 'mail.example.com' } },
      { check: 'iprev', hopIndex: 1, details: {} },
      { check: 'iprev', hopIndex: 2, details: {} },
      { check: 'iprev', hopIndex: 3, details: {} },
      { check: 'helo', hopIndex: 3, details: { helo: 'mail.example.org' } },
    ];
    for (const s of samples) {
      const p = subjectRole(s, { sender: 1, original: 3 })!;
      expect(getMessage(p.key, [...p.subs]), p.key).toBe(p.text);
    }
  });
});
