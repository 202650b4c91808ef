import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';
import { openPopup, pasteAndAnalyze, sample, waitForReport } from './flows.js';
import { pngSize, saveScreenshot, screenshotFiles, WRITING_SCREENSHOTS } from './screenshot-file.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const POPUP = { width: 640, height: 800 };
const TAB = { width: 1280, height: 900 };

/**
 * The README shows these: the top of the popup (its real 640 px width) and of the report tab,
 * light and dark, one viewport each, for the bundled sample message. They are written to
 * docs/screenshots/ by `npm run screenshots` only; a test run checks them and leaves the files alone.
 */
describe('screenshots', () => {
  let session: ExtensionSession;
  const before = screenshotFiles();
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('saves the top of the popup and of the report tab in light and dark', async () => {
    const popup = await openPopup(session);
    await popup.setViewportSize(POPUP);
    await pasteAndAnalyze(popup, sample());
    const shots: Record<string, Buffer> = {};
    const shoot = async (page: Page, name: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        shots[`${name}-${scheme}`] = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      }
    };
    await shoot(popup, 'popup');
    // "Open in tab" closes the popup, as it does over the toolbar.
    const [tab] = await Promise.all([session.context.waitForEvent('page'), popup.getByTestId('open-in-tab').click()]);
    await tab.setViewportSize(TAB);
    await waitForReport(tab);
    await shoot(tab, 'report');
    for (const [name, png] of Object.entries(shots)) {
      expect(png.subarray(0, 4), name).toEqual(PNG);
      expect(png.length, name).toBeGreaterThan(10_000);
      expect(pngSize(png), name).toEqual(name.startsWith('popup') ? POPUP : TAB);
      saveScreenshot(name, png);
    }
    expect(shots['report-dark']!.equals(shots['report-light']!)).toBe(false);
    expect(shots['popup-dark']!.equals(shots['popup-light']!)).toBe(false);
    expect(Object.keys(shots).sort()).toEqual(['popup-dark', 'popup-light', 'report-dark', 'report-light']);
    // A test run leaves the tracked pictures as they were: the same picture is new bytes each time.
    if (!WRITING_SCREENSHOTS) expect(screenshotFiles()).toEqual(before);
  });
});
