import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import type { Settings } from '../../src/settings.js';
import { attachTarget } from './cdp-target.js';
import { requireBinary } from './require-binary.js';
import { e2eSettings } from './flows.js';
import { watchScriptErrors } from './script-errors.js';

interface ChromeGlobal {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
}

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  url(path: string): string;
  /** Script errors the extension raised (worker, its pages, scripts it injected) since the last call. */
  scriptErrors(): Promise<string[]>;
  /** For drivers of extension documents Playwright does not see (the toolbar popup). */
  recordScriptError(description: string): void;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless (the new headless mode loads extensions), with the e2e build of
 * the extension and its settings pointed at the loopback DoH stack.
 */
export async function launchExtension(
  options: { colorScheme?: 'light' | 'dark'; settings?: Partial<Settings>; binary?: string; extensionDir?: string } = {},
): Promise<ExtensionSession> {
  const executablePath = requireBinary(options.binary ?? CHROMIUM, 'chromium', 'Chromium');
  const extensionDir = options.extensionDir ?? inject('extensionDir');
  const profile = mkdtempSync(join(tmpdir(), 'hoplens-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets the tests click the toolbar button through the DevTools protocol (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const settings = e2eSettings(options.settings);
  // The worker's own chrome.storage, as the options page would write it.
  await worker.evaluate((s) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ settings: s }), settings);
  const errors = await collectScriptErrors(context, worker, extensionId);
  const session: ExtensionSession = {
    context,
    extensionId,
    worker,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    scriptErrors: async () => errors.splice(0),
    recordScriptError: (description) => void errors.push(description),
    async close() {
      unwatch();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  const unwatch = watchScriptErrors({ name: 'chromium', scriptErrors: session.scriptErrors });
  return session;
}

/**
 * Uncaught errors and console errors of the extension's service worker (over the DevTools
 * protocol: Playwright reports neither for workers), and uncaught errors in any page of the
 * context that are the extension's: its own pages, or a stack through its scripts.
 */
async function collectScriptErrors(context: BrowserContext, worker: Worker, extensionId: string): Promise<string[]> {
  const errors: string[] = [];
  const origin = `chrome-extension://${extensionId}/`;
  context.on('weberror', (e) => {
    const url = e.page()?.url() ?? '';
    if (url.startsWith(origin) || (e.error().stack ?? '').includes(origin)) errors.push(`${url}: ${e.error().message}`);
  });
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === worker.url());
  if (!target) throw new Error(`no DevTools target for the worker ${worker.url()}`);
  await attachTarget(cdp, target.targetId, (description) => errors.push(`worker: ${description}`));
  return errors;
}

/** Fails the test on any JavaScript dialog or page error: hostile input must never run. */
export function guard(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { problems };
}
