// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { DnsError, type Resolver } from '../../../src/core/dns/types.js';
import { act } from 'preact/test-utils';
import type { Report } from '../../../src/core/report/types.js';
import { applyUpdate, STARTED, type AnalysisState } from '../../../src/ui/report/analysis-state.js';
import { ReportView } from '../../../src/ui/report/report-view.js';
import type { Analysis } from '../../../src/ui/report/use-analysis.js';
import { SAMPLE_MESSAGE } from '../../fixtures/reports/sample-message.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { STALLED } from '../../fixtures/reports/stalled.js';
import { TWO_DOMAINS } from '../../fixtures/reports/two-domains.js';
import { ZONES } from '../../support/test-zones.js';
import { missingKeys } from './fake-i18n.js';
import { mount } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

// What a mail admin reads in the report's first hour: who each result is about, and nothing blank or misleading.

function done(report: Report): AnalysisState {
  return applyUpdate(STARTED, { type: 'progress', event: { type: 'done', report } });
}

function view(report: Report, run: Partial<Analysis['run'] & object> = {}, layout: 'popup' | 'tab' = 'tab', restart = vi.fn()) {
  const analysis: Pick<Analysis, 'state' | 'run' | 'outerEmbedded' | 'restart'> = {
    state: done(report),
    run: { raw: 'Received: …', source: { kind: 'paste', label: 'pasted text' }, ...run },
    outerEmbedded: [],
    restart,
  };
  return mount(<ReportView analysis={analysis} layout={layout} />);
}

/** Text as a reader sees it: the isolates that seal each value are invisible. */
const seen = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  document.body.innerHTML = '';
  missingKeys.clear();
});

describe('report clarity', () => {
  it('says "chosen by you" for a hop the user picked, never the route’s confidence', async () => {
    const routeChose = await view(sampleReport);
    expect(byTestId(routeChose, 'origin-standing')?.textContent).toBe('high confidence');
    document.body.innerHTML = '';
    const chosen = await analyze(SAMPLE_MESSAGE, { resolver: memoryResolver(ZONES), originHop: 0 });
    const root = await view(chosen, { originHop: 0 });
    expect(byTestId(root, 'origin-standing')?.textContent).toBe('chosen by you');
    expect(byTestId(root, 'sender-panel')?.textContent).not.toContain('confidence');
    expect(missingKeys.size).toBe(0);
  });

  it('shows an Authentication-Results without authserv-id (Microsoft 365) as such, not as a blank server', async () => {
    const report = structuredClone(sampleReport);
    report.claims.authResults[0]!.authservId = '';
    const root = await view(report);
    const firstRow = byTestId(root, 'claims-table')!.querySelector('tbody tr td');
    expect(firstRow?.textContent).toBe('(no authserv-id)');
    expect(missingKeys.size).toBe(0);
  });

  it('names each chip’s and card’s subject and its role: two MX chips say which domain is which', async () => {
    const report = await analyze(TWO_DOMAINS, { resolver: memoryResolver(ZONES) });
    const root = await view(report);
    const chips = Array.from(root.querySelectorAll('.verdict-strip .chip-label'), (c) => seen(c.textContent));
    expect(chips).toContain('MX example.net (Return-Path)');
    expect(chips).toContain('MX example.com (From:)');
    expect(chips).toContain('Reverse DNS 203.0.113.25 (sender)');
    expect(chips).toContain("HELO mail.example.com (the sender's HELO)");
    const heads = Array.from(root.querySelectorAll('[data-testid="check-card"] h3'), (h) => seen(h.textContent));
    expect(heads).toContain('MX records example.net (Return-Path)');
    expect(heads).toContain('MX records example.com (From:)');
    expect(missingKeys.size).toBe(0);
  });

  it('leads a no-DNS report with what the receivers recorded, and says once which checks did not run', async () => {
    const report = await analyze(SAMPLE_MESSAGE, { resolver: null });
    const root = await view(report);
    const sections = Array.from(root.querySelectorAll('section[aria-labelledby]'), (s) => s.getAttribute('aria-labelledby'));
    expect(sections.indexOf('recorded-title')).toBeLessThan(sections.indexOf('route-title'));
    const recorded = byTestId(root, 'recorded-first')!;
    expect(recorded.querySelector('[data-testid="claims-table"] tbody tr')?.textContent).toContain('mx.example.net');
    expect(root.querySelectorAll('[data-testid="check-card"]')).toHaveLength(0);
    expect(root.querySelector('.verdict-strip')).toBeNull();
    const line = byTestId(root, 'dns-off-checks')!.textContent!;
    expect(line).toBe(
      "Not checked, DNS lookups are off: Reverse DNS (iprev), HELO/EHLO name, MX records, SPF, DKIM, DMARC, ARC, Then vs now, Providers' requirements. Turn DNS on in Options to check them.",
    );
    expect(root.textContent).not.toMatch(/\biprev: not checked|then-vs-now:/);
    expect(missingKeys.size).toBe(0);
  });

  it('with a resolver that answered nothing: one banner with Retry and Options, each card and chip "not checked: no resolver"', async () => {
    const dead: Resolver = {
      label: 'https://doh.example/dns-query',
      query: async (name, type) => {
        throw new DnsError('timeout', `no answer from https://doh.example/dns-query within 4000 ms`, { name, type }, 'https://doh.example/dns-query');
      },
    };
    const report = await analyze(SAMPLE_MESSAGE, { resolver: dead });
    const restart = vi.fn();
    const root = await view(report, { originHop: undefined }, 'tab', restart);
    const banners = root.querySelectorAll('[data-testid="resolver-down"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]!.textContent).toContain('The resolver did not answer: results unknown.');
    expect(banners[0]!.textContent).toContain('https://doh.example/dns-query gave no answer to any question');
    await act(() => byTestId(root, 'resolver-retry')!.click());
    expect(restart).toHaveBeenCalledWith({ originHop: undefined, embedded: undefined });
    expect(byTestId(root, 'resolver-options')).not.toBeNull();
    const spoiled = Array.from(root.querySelectorAll('[data-testid="check-card"][data-result="temperror"]'));
    expect(spoiled.length).toBeGreaterThan(2);
    for (const card of spoiled) {
      expect(card.querySelector('[data-testid="result-badge"]')?.textContent).toContain('not checked: no resolver');
      expect(card.querySelector('.check-summary')?.textContent).toBe('Not checked: no resolver answered (see the banner at the top).');
      expect(card.querySelector('.advice')).toBeNull();
    }
    const strip = root.querySelector('.verdict-strip')!.textContent!;
    expect(strip).toContain('Reverse DNS 203.0.113.28 (sender)inot checked: no resolver');
    expect(strip).not.toContain('temperror');
    // The line about the failure is in the banner, not again in the sender's warnings.
    expect(byTestId(root, 'warnings')?.textContent ?? '').not.toContain('got no answer');
    expect(report.summary).toBe('Sender 203.0.113.28 — not checked: https://doh.example/dns-query answered no question');
    expect(missingKeys.size).toBe(0);
  });

  it('finds the resolver line by its kind, wherever it sits among the warnings', async () => {
    const dead: Resolver = {
      label: 'https://doh.example/dns-query',
      query: async (name, type) => {
        throw new DnsError('timeout', 'no answer from https://doh.example/dns-query within 4000 ms', { name, type }, 'https://doh.example/dns-query');
      },
    };
    const report = await analyze(SAMPLE_MESSAGE, { resolver: dead });
    const line = report.warnings.find((w) => w.kind === 'dns-unanswered')!;
    expect(line.text).toContain('got no answer');
    // First, then a route line after it: the banner must not take the last warning for its own.
    const root = await view({ ...report, warnings: [line, { kind: 'stalled', text: 'A stall line made up for this test.' }] });
    expect(byTestId(root, 'resolver-down')!.textContent).toContain(line.text.slice(0, 80));
    expect(byTestId(root, 'resolver-down')!.textContent).not.toContain('made up');
    expect(byTestId(root, 'warnings')!.textContent).toContain('A stall line made up for this test.');
    expect(byTestId(root, 'warnings')!.textContent).not.toContain('got no answer');
  });

  it('puts route warnings (a stall, clocks that disagree) beside the sender, and marks the stalled hop', async () => {
    const raw = STALLED;
    const report = await analyze(raw, { resolver: null });
    const root = await view(report);
    const panel = byTestId(root, 'sender-panel')!;
    expect(panel.querySelector('[data-testid="warnings"]')?.textContent).toContain(
      'The message waited 30 min before the hop into mx.example.net (hop 2): it stalled there',
    );
    const rows = Array.from(root.querySelectorAll('[data-testid="hop-row"]'));
    expect(rows[1]!.classList.contains('stall-row')).toBe(true);
    expect(rows[1]!.querySelector('[data-testid="stall-flag"]')?.textContent).toContain('stalled');
    expect(rows[0]!.querySelector('[data-testid="stall-flag"]')).toBeNull();
  });
});
