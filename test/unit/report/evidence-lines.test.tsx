// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Evidence } from '../../../src/core/dns/evidence.js';
import { evidenceEntry, evidenceText, evidenceTitle } from '../../../src/core/report/evidence-lines.js';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import type { Report } from '../../../src/core/report/types.js';
import { EvidenceList } from '../../../src/ui/report/evidence-list.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { parseHtml } from '../exporters/parse-html.js';
import { getMessage } from '../ui/fake-i18n.js';
import { mount } from '../ui/render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser.js')).browser }));

const base: Evidence = {
  question: { name: 'mail.example.com', type: 'A' },
  rcode: 'NOERROR',
  error: null,
  records: ['mail.example.com. 300 IN A 192.0.2.10', 'mail.example.com. 300 IN A 192.0.2.11'],
  resolver: 'https://dns.example/dns-query',
  fromCache: false,
  elapsedMs: 23,
  authenticated: true,
};

/** Every shape a piece of evidence takes: records, an empty answer, from cache, no answer at all. */
const CASES: readonly Evidence[] = [
  base,
  { ...base, question: { name: 'nothing.example.com', type: 'TXT' }, rcode: 'NXDOMAIN', records: [], authenticated: false },
  { ...base, fromCache: true, authenticated: false, records: [base.records[0]!] },
  { ...base, question: { name: '10.2.0.192.in-addr.arpa', type: 'PTR' }, rcode: null, error: 'timeout after 5000 ms', records: [] },
];

/** Isolates (FSI…PDI) each renderer puts around a value: not part of what it says. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '');

function reportWith(evidence: readonly Evidence[]): Report {
  const report = structuredClone(sampleReport);
  report.checks = [{ ...report.checks.find((c) => c.check === 'spf')!, evidence: [...evidence] }];
  return report;
}

describe('evidence lines: one model, three renderers', () => {
  it('has the words of the English locale for every phrase', () => {
    const phrases = [
      evidenceTitle(4),
      ...CASES.map(evidenceEntry).flatMap((e) => [...(e.outcome.kind === 'no-answer' ? [e.outcome.phrase] : []), ...(e.empty ? [e.empty] : []), ...e.source]),
    ];
    expect(phrases.map((p) => p.key)).toEqual(
      expect.arrayContaining(['evidenceNoAnswer', 'evidenceNoRecords', 'evidenceCached', 'evidenceElapsed', 'evidenceDnssec', 'evidenceResolver']),
    );
    for (const p of phrases) expect(getMessage(p.key, [...p.subs]), p.key).toBe(p.text);
  });

  it('Markdown and HTML print the same text lines, in order', () => {
    const lines = CASES.flatMap((e) => evidenceText(evidenceEntry(e)));
    expect(lines).toContain('; nothing.example.com TXT → NXDOMAIN (resolver https://dns.example/dns-query, 23 ms)');
    expect(lines).toContain('; No records in the answer.');
    expect(lines).toContain(
      '; 10.2.0.192.in-addr.arpa PTR → no answer: timeout after 5000 ms (resolver https://dns.example/dns-query, 23 ms, DNSSEC validated)',
    );
    const report = reportWith(CASES);
    const md = renderMarkdown(report);
    const fence = /DNS evidence \(4\)\\?:\n\n(`{3,})text\n([\s\S]*?)\n\1/.exec(plain(md));
    expect(fence?.[2]?.split('\n')).toEqual(lines);
    const doc = parseHtml(renderHtml(report));
    const details = doc.querySelector('section.check details');
    expect(plain(details?.querySelector('summary')?.textContent)).toBe('DNS evidence (4)');
    expect(Array.from(details!.querySelectorAll('pre')).flatMap((pre) => plain(pre.textContent).split('\n'))).toEqual(lines);
  });

  it('the pages show the same facts: question, outcome, records, the empty answer, the source', async () => {
    const root = await mount(<EvidenceList evidence={CASES} />);
    const items = Array.from(root.querySelectorAll('li'));
    expect(items).toHaveLength(CASES.length);
    CASES.map(evidenceEntry).forEach((entry, i) => {
      const [question, ...rest] = Array.from(items[i]!.children).map((el) => plain(el.textContent));
      const outcome = entry.outcome.kind === 'rcode' ? entry.outcome.rcode : entry.outcome.phrase.text;
      expect(question).toBe(`${entry.name} ${entry.type} → ${outcome}`);
      expect(rest).toEqual([
        ...(entry.records.length ? [entry.records.join('\n')] : []),
        ...(entry.empty ? [entry.empty.text] : []),
        entry.source.map((p) => p.text).join(' · '),
      ]);
    });
  });
});
