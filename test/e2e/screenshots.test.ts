import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';
import { openPopup, pasteAndAnalyze, sample, waitForReport } from './flows.js';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const POPUP = { width: 640, height: 800 };
const TAB = { width: 1280, height: 900 };

/** PNG width and height from the IHDR chunk. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * The README shows these: the top of the popup (its real 640 px width) and of the report tab,
 * light and dark, one viewport each, for the bundled sample message.
 */
describe('screenshots', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
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
        const path = `${dir}${name}-${scheme}.png`;
        await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
        shots[`${name}-${scheme}`] = readFileSync(path);
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
      expect(size(png), name).toEqual(name.startsWith('popup') ? POPUP : TAB);
    }
    expect(shots['report-dark']!.equals(shots['report-light']!)).toBe(false);
    expect(shots['popup-dark']!.equals(shots['popup-light']!)).toBe(false);
    expect(Object.keys(shots).sort()).toEqual(['popup-dark', 'popup-light', 'report-dark', 'report-light']);
  });
});
