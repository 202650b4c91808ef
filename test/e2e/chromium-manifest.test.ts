import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';

interface ExtensionInfo {
  state: string;
  installWarnings: { message: string }[];
  manifestErrors: { manifestKey: string; message: string }[];
  runtimeErrors: { message: string }[];
}

interface DeveloperPrivate {
  chrome: {
    developerPrivate: {
      updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
      reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
      getExtensionInfo(id: string, done: (info: ExtensionInfo) => void): void;
    };
  };
}

/**
 * What chrome://extensions shows on the extension's card: its "Errors"/"Warnings" button lists
 * the manifest errors Chromium collects in developer mode, which is on for anyone who loads an
 * unpacked extension. The page's own API (developerPrivate) reads them.
 */
describe('Chromium accepts the manifest', () => {
  let session: ExtensionSession;
  let page: Page;
  beforeAll(async () => {
    // The build a user loads, not the e2e copy (whose test-only host permission Chromium calls redundant).
    session = await launchExtension({ extensionDir: fileURLToPath(new URL('../../dist/chrome', import.meta.url)) });
    page = await session.context.newPage();
    await page.goto('chrome://extensions/');
  });
  afterAll(async () => session?.close());

  it('is run by the Debian package that a missing Chromium names', async () => {
    await expect(launchExtension({ binary: '/nonexistent/chromium' })).rejects.toThrow(
      '/nonexistent/chromium is missing: install the Debian package "chromium" (apt-get install chromium) to run the Chromium end-to-end tests',
    );
  });

  it('with no warning and no error on the extension card, in developer mode', async () => {
    const id = session.extensionId;
    // Chromium collects manifest errors only in developer mode, so the extension is loaded again in it.
    await page.evaluate(
      () =>
        new Promise<void>((done) =>
          (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done),
        ),
    );
    const restarted = session.context.waitForEvent('serviceworker', { timeout: 15_000 });
    await page.evaluate(
      (id) => new Promise<void>((done) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.reload(id, { failQuietly: true }, done)),
      id,
    );
    await restarted;
    const info = await page.evaluate(
      (id) => new Promise<ExtensionInfo>((done) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.getExtensionInfo(id, done)),
      id,
    );
    expect(info.state).toBe('ENABLED');
    expect(info.manifestErrors.map((e) => `${e.manifestKey}: ${e.message}`)).toEqual([]);
    expect(info.installWarnings.map((w) => w.message)).toEqual([]);
    expect(info.runtimeErrors.map((e) => e.message)).toEqual([]);
  });
});
