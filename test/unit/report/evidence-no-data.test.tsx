// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Evidence } from '../../../src/core/dns/evidence.js';
import { evidenceEntry, evidenceText } from '../../../src/core/report/evidence-lines.js';
import { EvidenceList } from '../../../src/ui/report/evidence-list.js';
import { getMessage } from '../ui/fake-i18n.js';
import { mount } from '../ui/render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser.js')).browser }));

/** An AAAA question for a name that has only an A record: NOERROR, no AAAA, the zone's SOA from the authority section. */
const NO_DATA: Evidence = {
  question: { name: 'mail.example.com', type: 'AAAA' },
  rcode: 'NOERROR',
  error: null,
  records: ['example.com. 60 IN SOA ns.example.com. hostmaster.example.com. 2024010101 3600 600 86400 60'],
  resolver: 'https://dns.example/dns-query',
  fromCache: false,
  elapsedMs: 12,
  authenticated: false,
};

describe('evidence of an answer with no record of the type asked', () => {
  it('says "no AAAA record (NOERROR, no data)" before the SOA, so the SOA does not read as the answer', async () => {
    const entry = evidenceEntry(NO_DATA);
    expect(entry.empty?.text).toBe('no AAAA record (NOERROR, no data)');
    expect(getMessage(entry.empty!.key, [...entry.empty!.subs])).toBe(entry.empty!.text);
    expect(evidenceText(entry)).toEqual([
      '; mail.example.com AAAA → NOERROR (resolver https://dns.example/dns-query, 12 ms)',
      '; no AAAA record (NOERROR, no data)',
      NO_DATA.records[0],
    ]);
    const root = await mount(<EvidenceList evidence={[NO_DATA]} />);
    const parts = Array.from(root.querySelectorAll('li > *'), (el) => el.textContent?.replace(/[\u2066-\u2069]/g, ''));
    expect(parts.indexOf('no AAAA record (NOERROR, no data)')).toBeLessThan(parts.findIndex((p) => p?.includes('IN SOA')));
  });

  it('says nothing of the kind when the records answer the question, and keeps "No records" for an empty NXDOMAIN', () => {
    expect(
      evidenceEntry({ ...NO_DATA, question: { name: 'mail.example.com', type: 'A' }, records: ['mail.example.com. 300 IN A 203.0.113.25'] }).empty,
    ).toBeNull();
    expect(evidenceEntry({ ...NO_DATA, question: { name: 'example.com', type: 'SOA' } }).empty).toBeNull();
    expect(evidenceEntry({ ...NO_DATA, rcode: 'NXDOMAIN', records: [] }).empty?.text).toBe('No records in the answer.');
  });
});
