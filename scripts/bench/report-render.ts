import { Window } from 'happy-dom';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../src/core/analyze.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { memoryResolver } from '../../src/core/dns/memory.js';
import type { Report } from '../../src/core/report/types.js';
import { longRouteMessage } from '../../test/support/long-route.js';
import { ZONES } from '../../test/support/test-zones.js';
import { fmt, summarise } from './stats.js';

/**
 * The full tab's report for a finished analysis, rendered into happy-dom: the time from the
 * report to its DOM, for a route of 1,000 hops against one of 100 (the ratio says whether the
 * page grows with the route or with what it shows of it).
 */
export async function benchReportRender(): Promise<void> {
  const window = new Window();
  Object.assign(globalThis, { window, document: window.document, Node: window.Node, HTMLElement: window.HTMLElement });
  const { h, render } = await import('preact');
  const { ReportView } = await import('../../src/ui/report/report-view.js');
  const { applyUpdate, STARTED } = await import('../../src/ui/report/analysis-state.js');
  const timeOf = async (hops: number): Promise<{ median: number; rows: number }> => {
    const report: Report = await analyze(longRouteMessage(hops), { resolver: cachingResolver(memoryResolver(ZONES)) });
    const state = applyUpdate(STARTED, { type: 'progress', event: { type: 'done', report } });
    const analysis = { state, run: { raw: '', source: { kind: 'paste' as const, label: 'pasted text' } }, outerEmbedded: [], restart: () => undefined };
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 12; i++) {
      const container = window.document.createElement('div');
      window.document.body.append(container);
      const start = performance.now();
      render(h(ReportView, { analysis, layout: 'tab' }), container as unknown as Element);
      times.push(performance.now() - start);
      rows = container.querySelectorAll('[data-testid="hop-row"]').length;
      render(null, container as unknown as Element);
      container.remove();
    }
    return { median: summarise(times.slice(2)).median, rows };
  };
  const small = await timeOf(100);
  const large = await timeOf(1000);
  console.log(`Report page (full tab) rendered from a finished report in happy-dom, 10 runs each:`);
  console.log(
    `  1,000 hops: median ${fmt(large.median, 1)} ms (${large.rows} hop rows shown); 100 hops: ${fmt(small.median, 1)} ms (${small.rows} rows); ratio ${fmt(large.median / small.median)}`,
  );
  await window.happyDOM.close();
}
