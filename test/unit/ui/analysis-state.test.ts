import { describe, expect, it } from 'vitest';
import { applyUpdate, STARTED, type AnalysisState } from '../../../src/ui/report/analysis-state.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

describe('analysis state', () => {
  it('builds up from the streamed events and ends with the report', () => {
    let s: AnalysisState = STARTED;
    s = applyUpdate(s, { type: 'progress', event: { type: 'route', analysis: sampleReport, checkMeta: sampleReport.checkMeta } });
    expect(s.analysis?.route.hops).toHaveLength(4);
    const result = (check: string) => sampleReport.checks.find((c) => c.check === check)!;
    s = applyUpdate(s, { type: 'progress', event: { type: 'check', result: result('helo') } });
    s = applyUpdate(s, { type: 'progress', event: { type: 'check', result: result('iprev') } });
    s = applyUpdate(s, { type: 'progress', event: { type: 'dns', asked: 4, answered: 3, failed: 0, pending: 1 } });
    expect(s.phase).toBe('running');
    expect(s.checks.map((c) => c.check)).toEqual(['helo', 'iprev']);
    expect(s.dns).toEqual({ asked: 4, answered: 3, failed: 0, pending: 1 });
    s = applyUpdate(s, { type: 'progress', event: { type: 'done', report: sampleReport } });
    expect(s.phase).toBe('done');
    expect(s.report).toBe(sampleReport);
    expect(s.checks).toBe(sampleReport.checks);
  });

  it('keeps what arrived before an error', () => {
    let s = applyUpdate(STARTED, { type: 'progress', event: { type: 'route', analysis: sampleReport, checkMeta: sampleReport.checkMeta } });
    s = applyUpdate(s, { type: 'error', code: 'resolver-permission', message: 'not allowed' });
    expect(s.phase).toBe('error');
    expect(s.error).toEqual({ code: 'resolver-permission', message: 'not allowed' });
    expect(s.analysis).toBe(sampleReport);
  });
});
