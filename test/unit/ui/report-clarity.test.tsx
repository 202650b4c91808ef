// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import type { Report } from '../../../src/core/report/types.js';
import { applyUpdate, STARTED, type AnalysisState } from '../../../src/ui/report/analysis-state.js';
import { ReportView } from '../../../src/ui/report/report-view.js';
import type { Analysis } from '../../../src/ui/report/use-analysis.js';
import { SAMPLE_MESSAGE } from '../../fixtures/reports/sample-message.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { ZONES } from '../../support/test-zones.js';
import { missingKeys } from './fake-i18n.js';
import { mount } from './render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).browser }));

// What a mail admin reads in the report's first hour: who each result is about, and nothing blank or misleading.

function done(report: Report): AnalysisState {
  return applyUpdate(STARTED, { type: 'progress', event: { type: 'done', report } });
}

function view(report: Report, run: Partial<Analysis['run'] & object> = {}, layout: 'popup' | 'tab' = 'tab') {
  const analysis: Pick<Analysis, 'state' | 'run' | 'outerEmbedded' | 'restart'> = {
    state: done(report),
    run: { raw: 'Received: …', source: { kind: 'paste', label: 'pasted text' }, ...run },
    outerEmbedded: [],
    restart: vi.fn(),
  };
  return mount(<ReportView analysis={analysis} layout={layout} />);
}

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
});
