// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Report } from '../../../src/core/report/types.js';
import { applyUpdate, applyUpdates, STARTED, type AnalysisState } from '../../../src/ui/report/analysis-state.js';
import { hopSegments, REVEAL_STEP, WHOLE_ROUTE } from '../../../src/ui/report/hop-window.js';
import { ReportView } from '../../../src/ui/report/report-view.js';
import type { AnalysisUpdate } from '../../../src/worker-protocol.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { mount } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

/** The sample report with its route stretched to `count` hops, the sender in the middle. */
function longReport(count: number, sender: number): Report {
  const template = sampleReport.route.hops[0]!;
  const hops = Array.from({ length: count }, (_, index) => ({ ...template, index, receivedIndex: count - 1 - index }));
  return { ...sampleReport, route: { ...sampleReport.route, hops, origin: { ...sampleReport.route.origin!, hopIndex: sender } } };
}

describe('hop window', () => {
  it('shows a route up to the limit whole', () => {
    expect(hopSegments(WHOLE_ROUTE, 3, [])).toEqual([{ kind: 'hops', from: 0, to: WHOLE_ROUTE - 1 }]);
    expect(hopSegments(0, null, [])).toEqual([]);
  });

  it('keeps both ends and the sender with its neighbours of a long route, and reveals what is asked for', () => {
    expect(hopSegments(1000, 500, [])).toEqual([
      { kind: 'hops', from: 0, to: 5 },
      { kind: 'gap', from: 6, to: 496 },
      { kind: 'hops', from: 497, to: 503 },
      { kind: 'gap', from: 504, to: 993 },
      { kind: 'hops', from: 994, to: 999 },
    ]);
    expect(hopSegments(1000, null, [[6, 105]]).slice(0, 3)).toEqual([
      { kind: 'hops', from: 0, to: 105 },
      { kind: 'gap', from: 106, to: 993 },
      { kind: 'hops', from: 994, to: 999 },
    ]);
  });
});

describe('a long route in the report', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each(['tab', 'popup'] as const)('%s: shows a window of a 2,000-hop route, the sender first on the page, and reveals more', async (layout) => {
    const state = applyUpdate(STARTED, { type: 'progress', event: { type: 'done', report: longReport(2000, 1200) } });
    const root = await mount(
      <ReportView
        analysis={{ state, run: { raw: 'x', source: { kind: 'paste', label: 'pasted text' } }, outerEmbedded: [], restart: vi.fn() }}
        layout={layout}
      />,
    );
    const rows = () => root.querySelectorAll('[data-testid="hops-table"] [data-testid="hop-row"]');
    expect(rows().length).toBeLessThan(30);
    expect(root.querySelector('[data-testid="hops-table"] .sender-row')?.getAttribute('data-hop')).toBe('1200');
    const panel = root.querySelector('[data-testid="sender-panel"]')!;
    expect(panel.compareDocumentPosition(root.querySelector('[data-testid="hops-table"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const before = rows().length;
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="hops-table"] [data-testid="show-more-hops"]')!.click());
    expect(rows().length).toBe(before + REVEAL_STEP);
  });
});

describe('updates applied per frame', () => {
  it('fold to the same state as one by one', () => {
    const updates: AnalysisUpdate[] = [
      { type: 'progress', event: { type: 'route', analysis: sampleReport, checkMeta: sampleReport.checkMeta } },
      ...sampleReport.checks.map((result): AnalysisUpdate => ({ type: 'progress', event: { type: 'check', result } })),
      { type: 'progress', event: { type: 'dns', asked: 4, answered: 3, failed: 0, pending: 1 } },
      { type: 'progress', event: { type: 'check', result: sampleReport.checks[0]! } },
    ];
    const one: AnalysisState = updates.reduce(applyUpdate, STARTED);
    expect(applyUpdates(STARTED, updates)).toEqual(one);
    expect(applyUpdates(applyUpdates(STARTED, updates.slice(0, 3)), updates.slice(3))).toEqual(one);
  });
});
