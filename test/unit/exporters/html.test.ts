import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { HOSTILE, hostileReport, sampleReport } from '../../fixtures/reports/sample-report.js';
import { liveParts, parseHtml } from './parse-html.js';

describe('HTML export', () => {
  it('is one self-contained page under a CSP that allows only inline style', () => {
    const html = renderHtml(sampleReport);
    const doc = parseHtml(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(liveParts(doc)).toEqual([]);
    // The resolver and the providers' published lists are named as text; nothing is loaded.
    expect(html).not.toMatch(
      /url\(|@import|https?:\/\/(?!cloudflare-dns\.com\/dns-query|support\.google\.com\/|senders\.yahooinc\.com\/|techcommunity\.microsoft\.com\/)/,
    );
  });

  it('shows the summary, every hop, every check with its result word, advice and evidence', () => {
    const doc = parseHtml(renderHtml(sampleReport));
    expect(doc.querySelector('.summary')?.textContent).toBe(sampleReport.summary);
    const [checklist, route] = Array.from(doc.querySelectorAll('table'));
    const marks = (label: string) =>
      Array.from(checklist!.querySelectorAll('tr'))
        .find((tr) => tr.querySelector('th')?.textContent?.startsWith(label))
        ?.querySelectorAll('td.mark');
    expect(Array.from(marks('SPF or DKIM passes')!, (td) => td.textContent)).toEqual(['✗ not met', '✗ not met', '—']);
    expect(Array.from(marks('A DMARC record exists')!, (td) => td.textContent)).toEqual(Array(3).fill('✗ not met'));
    expect(route!.querySelectorAll('tbody tr')).toHaveLength(sampleReport.route.hops.length);
    expect(doc.querySelector('tr.sender')?.textContent).toContain('203.0.113.28');
    const cards = Array.from(doc.querySelectorAll('section.check'));
    const checks = sampleReport.checks.filter((c) => c.check !== 'providers');
    expect(cards.map((c) => c.querySelector('.badge')?.textContent)).toEqual(checks.map((c) => c.result));
    const spf = cards[checks.findIndex((c) => c.check === 'spf')]!;
    expect(spf.className).toContain('sev-warning');
    expect(spf.textContent).toContain('add `ip4:203.0.113.28`');
    expect(spf.querySelector('details')?.textContent).toContain('example.net. 300 IN TXT');
  });

  it('shows a lookup that got no answer with its error', () => {
    const report = structuredClone(sampleReport);
    const spf = report.checks.find((c) => c.check === 'spf')!;
    spf.evidence[0] = { ...spf.evidence[0]!, rcode: null, error: 'timeout after 5000 ms', records: [] };
    const doc = parseHtml(renderHtml(report));
    const card = doc.querySelectorAll('section.check')[report.checks.filter((c) => c.check !== 'providers').indexOf(spf)]!;
    expect(card.querySelector('details')?.textContent).toContain('no answer: timeout after 5000 ms');
  });

  it('escapes every piece of hostile header text', () => {
    const html = renderHtml(hostileReport());
    const doc = parseHtml(html);
    expect(liveParts(doc)).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    const text = doc.body.textContent ?? '';
    for (const s of Object.values(HOSTILE)) expect(text).toContain(s);
    expect(doc.title.replace(/[\u2068\u2069]/g, '')).toBe(`Hoplens report: ${HOSTILE.script}${HOSTILE.mdLink}`);
  });
});
