import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { openPopup, sample, waitForReport } from './flows.js';
import { stuffingLine, stuffReceived } from '../support/long-route.js';

const STUFFED = 2000;

/**
 * The sample with 2,000 made-up Received lines below its real ones (issue 11's header
 * stuffing): private addresses, so that the stuffing costs rendering, not lookups.
 */
function stuffed(): string {
  return stuffReceived(
    sample(),
    Array.from({ length: STUFFED }, (_, i) => stuffingLine(i, `10.${(i >> 8) & 255}.${i & 255}.1`)),
  );
}

async function checkWindow(page: Page): Promise<void> {
  const table = page.getByTestId('hops-table');
  const rows = table.getByTestId('hop-row');
  const shown = await rows.count();
  expect(shown).toBeLessThan(40);
  // The real sender stays the sender, and the page starts with it and the verdicts.
  expect(await page.getByTestId('summary').textContent()).toContain('203.0.113.25');
  const order = await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="sender-panel"]')!;
    const route = document.querySelector('[data-testid="hops-table"]')!;
    return panel.compareDocumentPosition(route) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await table.getByTestId('show-more-hops').first().click();
  await expect.poll(() => rows.count()).toBe(shown + 100);
}

describe('a route of 2,000 hops', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('stays readable and usable in the popup and the report tab', async () => {
    const popup = await openPopup(session);
    const { problems } = guard(popup);
    // Pasted as a user pastes, with Ctrl+V: Playwright's fill types the 300 kB through Chromium's
    // editor line by line, which took over 30 s on a loaded machine (a real paste takes half a second).
    const raw = stuffed();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.evaluate((text) => navigator.clipboard.writeText(text), raw);
    const input = popup.getByTestId('paste-input');
    await input.focus();
    await popup.keyboard.press('ControlOrMeta+V');
    // A text area holds line ends as LF.
    await expect.poll(() => input.evaluate((box: HTMLTextAreaElement) => box.value.length), { timeout: 30_000 }).toBe(raw.replace(/\r\n/g, '\n').length);
    await popup.getByTestId('analyze-button').click();
    await waitForReport(popup);
    await checkWindow(popup);

    const [tab] = await Promise.all([session.context.waitForEvent('page'), popup.getByTestId('open-in-tab').click()]);
    const tabGuard = guard(tab);
    await waitForReport(tab);
    await checkWindow(tab);
    expect([...problems, ...tabGuard.problems]).toEqual([]);
  }, 120_000);
});
