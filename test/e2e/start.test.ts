import { expect, inject, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { openWithReport } from '../../scripts/start/chromium.mjs';
import { CHROMIUM } from './browser.js';
import { waitForReport } from './flows.js';

interface Started {
  context: import('playwright-core').BrowserContext;
  page: import('playwright-core').Page;
  extensionId: string;
}

it('npm start opens the sample’s report tab once the extension runs, not a blocked page', async () => {
  const started: Started = await openWithReport({ binary: CHROMIUM, extensionDir: inject('extensionDir'), headless: true });
  try {
    const { page, extensionId } = started;
    // The worker came up from the Chrome build's service_worker key, before the tab was asked for.
    expect(started.context.serviceWorkers().map((w) => w.url())).toContain(`chrome-extension://${extensionId}/background.js`);
    await waitForReport(page);
    expect(page.url()).toBe(`chrome-extension://${extensionId}/report.html?sample=1`);
    expect(await page.locator('body').textContent()).not.toContain('ERR_BLOCKED_BY_CLIENT');
    expect(await page.getByTestId('summary').textContent()).toContain('203.0.113.25');
  } finally {
    await started.context.close();
  }
});
