// Chromium for `npm start`: the built extension loaded, and the sample's report tab opened only
// once the extension's service worker runs. A chrome-extension:// address asked for before the
// extension is loaded is refused with ERR_BLOCKED_BY_CLIENT, which is what a start URL on the
// command line (web-ext's --start-url) got.
import { chromium } from 'playwright-core';

export async function openWithReport({ binary, extensionDir, headless = false, path = 'report.html?sample=1' }) {
  // "": a fresh profile in a temporary folder, which Playwright removes when the browser ends.
  const context = await chromium.launchPersistentContext('', {
    executablePath: binary,
    headless,
    // A window the user sizes, not a fixed test viewport.
    viewport: null,
    // No "controlled by automated test software" bar: this is the user's window.
    ignoreDefaultArgs: ['--enable-automation'],
    // Chromium refuses to start its sandbox as root (containers, CI machines).
    chromiumSandbox: process.getuid?.() !== 0,
    args: ['--no-first-run', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return { context, page, extensionId };
}
