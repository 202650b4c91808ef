import type { AnalysisUpdate } from '../../worker-protocol.js';
import type { DnsCounters } from '../../core/dns/counting.js';
import type { CheckResult } from '../../core/checks/index.js';
import type { CheckMetaByName } from '../../core/checks/meta.js';
import type { HeaderAnalysis } from '../../core/header-analysis.js';
import type { Report } from '../../core/report/types.js';

/** What a page knows about one analysis at a time, built only from the worker's updates. */
export interface AnalysisState {
  phase: 'idle' | 'running' | 'done' | 'error';
  analysis: HeaderAnalysis | null;
  /** Results in the order they arrived; the report's own list once done. */
  checks: CheckResult[];
  /** The checks' labels and sections, from the first update on. */
  checkMeta: CheckMetaByName;
  dns: DnsCounters | null;
  report: Report | null;
  error: { code: string; message: string } | null;
}

export const IDLE: AnalysisState = { phase: 'idle', analysis: null, checks: [], checkMeta: {}, dns: null, report: null, error: null };
export const STARTED: AnalysisState = { ...IDLE, phase: 'running' };

export function applyUpdate(state: AnalysisState, update: AnalysisUpdate): AnalysisState {
  if (update.type === 'error') return { ...state, phase: 'error', error: { code: update.code, message: update.message } };
  const event = update.event;
  switch (event.type) {
    case 'route':
      return { ...state, analysis: event.analysis, checkMeta: event.checkMeta };
    case 'check':
      return { ...state, checks: [...state.checks, event.result] };
    case 'dns':
      return { ...state, dns: { asked: event.asked, answered: event.answered, failed: event.failed, pending: event.pending } };
    case 'done':
      return { ...state, phase: 'done', analysis: event.report, checks: event.report.checks, checkMeta: event.report.checkMeta, report: event.report };
  }
}

/**
 * Several updates folded at once, as a page applies what arrived during one frame: the results
 * are appended in one copy, so that thousands of results cost linear time, not a copy each.
 */
export function applyUpdates(state: AnalysisState, updates: readonly AnalysisUpdate[]): AnalysisState {
  let next = state;
  let pending: CheckResult[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    next = { ...next, checks: next.checks.concat(pending) };
    pending = [];
  };
  for (const update of updates) {
    if (update.type === 'progress' && update.event.type === 'check') {
      pending.push(update.event.result);
      continue;
    }
    flush();
    next = applyUpdate(next, update);
  }
  flush();
  return next;
}
