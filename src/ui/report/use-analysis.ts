import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ANALYSIS_PORT, type AnalysisRequest, type AnalysisUpdate } from '../../worker-protocol.js';
import type { EmbeddedMessageRef } from '../../core/message/types.js';
import { t } from '../../i18n.js';
import { applyUpdate, applyUpdates, IDLE, STARTED, type AnalysisState } from './analysis-state.js';

/**
 * Runs work once per frame however often it is asked for. A stuffed message streams thousands
 * of results; rendering the report for each one kept the popup busy for minutes. A timer stands
 * in where frames stop (a hidden tab), so that the analysis still ends there.
 */
function frameBatcher(work: () => void): { schedule(): void; cancel(): void } {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    cancel();
    work();
  };
  function cancel() {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  }
  return {
    schedule() {
      if (frame !== null || timer !== null) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, 250);
    },
    cancel,
  };
}

export type AnalyzeRequest = Extract<AnalysisRequest, { type: 'analyze' }>;
export type AnalysisRun = Omit<AnalyzeRequest, 'type'>;

export interface Analysis {
  state: AnalysisState;
  /** What the current analysis was asked for; null before the first run. */
  run: AnalysisRun | null;
  /** Messages attached to the outer message, kept while one of them is being analysed. */
  outerEmbedded: EmbeddedMessageRef[];
  start(run: AnalysisRun): void;
  /** Runs the same message again with another sender hop or embedded message. */
  restart(change: Pick<AnalysisRun, 'originHop' | 'embedded'>): void;
}

/** Runs analyses on the background worker, one port per analysis, and streams their updates. */
export function useAnalysis(): Analysis {
  const [state, setState] = useState<AnalysisState>(IDLE);
  const [run, setRun] = useState<AnalysisRun | null>(null);
  const [outerEmbedded, setOuterEmbedded] = useState<EmbeddedMessageRef[]>([]);
  const port = useRef<browser.Runtime.Port | null>(null);
  const queue = useRef<AnalysisUpdate[]>([]);
  const batcher = useRef<ReturnType<typeof frameBatcher> | null>(null);
  batcher.current ??= frameBatcher(() => {
    const updates = queue.current;
    queue.current = [];
    if (updates.length > 0) setState((s) => applyUpdates(s, updates));
  });

  const stop = useCallback(() => {
    const old = port.current;
    port.current = null;
    batcher.current?.cancel();
    queue.current = [];
    if (!old) return;
    old.postMessage({ type: 'cancel' } satisfies AnalysisRequest);
    old.disconnect();
  }, []);

  const start = useCallback(
    (next: AnalysisRun) => {
      stop();
      setRun(next);
      setState(STARTED);
      if (next.embedded === undefined) setOuterEmbedded([]);
      const p = browser.runtime.connect({ name: ANALYSIS_PORT });
      port.current = p;
      p.onMessage.addListener((message: unknown) => {
        if (port.current !== p) return;
        const update = message as AnalysisUpdate;
        queue.current.push(update);
        batcher.current?.schedule();
        if (update.type === 'progress' && update.event.type === 'route' && update.event.analysis.embeddedIndex === null) {
          setOuterEmbedded(update.event.analysis.embedded);
        }
      });
      p.onDisconnect.addListener(() => {
        if (port.current !== p) return;
        port.current = null;
        // The worker closes the port after "done" or an error; any other close means it went away.
        const updates = queue.current;
        queue.current = [];
        batcher.current?.cancel();
        setState((before) => {
          const s = applyUpdates(before, updates);
          return s.phase === 'running' ? applyUpdate(s, { type: 'error', code: 'disconnected', message: t('errorDisconnected') }) : s;
        });
      });
      p.postMessage({ type: 'analyze', ...next } satisfies AnalysisRequest);
    },
    [stop],
  );

  const restart = useCallback(
    (change: Pick<AnalysisRun, 'originHop' | 'embedded'>) => {
      if (!run) return;
      const next: AnalysisRun = { raw: run.raw, source: run.source };
      if (change.originHop !== undefined) next.originHop = change.originHop;
      if (change.embedded !== undefined) next.embedded = change.embedded;
      start(next);
    },
    [run, start],
  );

  useEffect(() => {
    // A popup closes on any click outside: its analysis ends with it, before the page is torn
    // down, so that no update from the worker lands in a document Firefox is destroying.
    const leave = (event: PageTransitionEvent) => {
      if (!event.persisted) stop();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      stop();
    };
  }, [stop]);

  return { state, run, outerEmbedded, start, restart };
}
