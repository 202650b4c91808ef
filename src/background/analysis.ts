import browser from 'webextension-polyfill';
import { analyze } from '../core/analyze.js';
import type { Resolver } from '../core/dns/types.js';
import type { ProgressEvent, Report } from '../core/report/types.js';
import { InputError } from '../core/message/types.js';
import { t } from '../i18n.js';
import type { AnalysisRequest, AnalysisUpdate } from '../worker-protocol.js';
import { messageText } from './message-text.js';
import { resolverFor, resolverUrl } from './resolvers.js';
import { loadSettings, originPattern } from '../settings.js';

/** Why an analysis could not run, as the protocol's error update. */
export class AnalysisSetupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function toErrorUpdate(error: unknown): AnalysisUpdate {
  if (error instanceof InputError || error instanceof AnalysisSetupError) return { type: 'error', code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'error', code: 'internal', message: t('analysisInternal', detail) };
}

/** The resolver for this analysis, after checking the browser lets the extension reach it. */
export async function settingsResolver(): Promise<Resolver | null> {
  const settings = await loadSettings();
  if (settings.noDns) return null;
  let url: string;
  try {
    url = resolverUrl(settings);
  } catch (error) {
    throw new AnalysisSetupError('resolver', t('analysisResolverUnusable', error instanceof Error ? error.message : String(error)));
  }
  const pattern = originPattern(url);
  if (pattern && !(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new AnalysisSetupError('resolver-permission', t('analysisResolverPermission', new URL(url).host));
  }
  return resolverFor(settings);
}

/** Reports kept across analyses (./report-cache.ts in the extension). */
export interface ReportStore {
  key(raw: string | Uint8Array): Promise<string>;
  get(key: string): Promise<Report | null>;
  put(key: string, report: Report): Promise<void>;
}

/**
 * analyze() in front of a report store: a message analysed before under the same settings is
 * replayed from the store, event by event as a live run would stream it, with no DNS query.
 * Reports with a temperror are not kept, so that a message displayed again retries; with `keep`
 * false the store is only read.
 */
export async function analyzeThrough(
  raw: string | Uint8Array,
  store: ReportStore | null,
  getResolver: () => Promise<Resolver | null>,
  options: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void; originHop?: number; embedded?: number } = {},
  keep = true,
): Promise<Report> {
  const plain = options.originHop === undefined && options.embedded === undefined;
  const key = store && plain ? await store.key(raw) : null;
  const kept = key ? await store!.get(key) : null;
  if (kept) {
    const { message, route, claims, embedded, embeddedIndex, warnings } = kept;
    options.onProgress?.({ type: 'route', analysis: { message, route, claims, embedded, embeddedIndex, warnings }, checkMeta: kept.checkMeta });
    for (const result of kept.checks) options.onProgress?.({ type: 'check', result });
    options.onProgress?.({ type: 'done', report: kept });
    return kept;
  }
  const report = await analyze(raw, { ...options, resolver: await getResolver() });
  if (key && keep && !report.checks.some((c) => c.result === 'temperror')) await store!.put(key, report);
  return report;
}

interface PortLike {
  postMessage(message: AnalysisUpdate): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * One analysis per port: the first "analyze" starts it, "cancel" or the page going away aborts
 * it, progress streams as it comes, and the worker closes the port after "done" or an error.
 */
export function serveAnalysisPort(port: PortLike, getResolver: () => Promise<Resolver | null> = settingsResolver, store: ReportStore | null = null): void {
  const controller = new AbortController();
  let started = false;
  let open = true;
  const post = (update: AnalysisUpdate) => {
    if (open) port.postMessage(update);
  };
  port.onDisconnect.addListener(() => {
    open = false;
    controller.abort();
  });
  port.onMessage.addListener((message) => {
    const request = message as AnalysisRequest;
    if (request?.type === 'cancel') {
      controller.abort();
      return;
    }
    if (request?.type !== 'analyze' || typeof request.raw !== 'string') {
      post({ type: 'error', code: 'bad-request', message: t('analysisBadRequest') });
      return;
    }
    if (started) {
      post({ type: 'error', code: 'busy', message: t('analysisBusy') });
      return;
    }
    started = true;
    void run(request);
  });

  async function run(request: Extract<AnalysisRequest, { type: 'analyze' }>) {
    try {
      await analyzeThrough(
        messageText(request.raw, request.source),
        store,
        getResolver,
        {
          signal: controller.signal,
          onProgress: (event) => post({ type: 'progress', event }),
          ...(request.originHop === undefined ? {} : { originHop: request.originHop }),
          ...(request.embedded === undefined ? {} : { embedded: request.embedded }),
        },
        // Only Thunderbird's automatic check of displayed messages fills the store;
        // the popup reads it so that it shows that check at once.
        false,
      );
    } catch (error) {
      if (!controller.signal.aborted) post(toErrorUpdate(error));
    } finally {
      if (open) {
        open = false;
        port.disconnect();
      }
    }
  }
}
