import browser from 'webextension-polyfill';
import { analyze } from '../core/analyze.js';
import type { Resolver } from '../core/dns/types.js';
import { binaryBytes } from '../core/message/binary-string.js';
import { InputError } from '../core/message/types.js';
import { t } from '../i18n.js';
import type { AnalysisRequest, AnalysisUpdate } from '../worker-protocol.js';
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
export function serveAnalysisPort(port: PortLike, getResolver: () => Promise<Resolver | null> = settingsResolver): void {
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
      const resolver = await getResolver();
      await analyze(request.source?.bytes ? binaryBytes(request.raw) : request.raw, {
        resolver,
        signal: controller.signal,
        onProgress: (event) => post({ type: 'progress', event }),
        ...(request.originHop === undefined ? {} : { originHop: request.originHop }),
        ...(request.embedded === undefined ? {} : { embedded: request.embedded }),
      });
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
