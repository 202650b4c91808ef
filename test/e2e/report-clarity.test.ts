import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { openPopup, pasteAndAnalyze, sample, waitForReport } from './flows.js';

// What a mail admin sees in the first hour, in Chromium: what the page does on its own must not
// read as an alert, and what it says on a tab it cannot read stays out of the way.
describe('report clarity (Chromium)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('focuses the report’s top on load without a ring for mouse users; keyboard users see where focus went', async () => {
    const page = await session.context.newPage();
    const { problems } = guard(page);
    await page.goto(session.url('report.html?sample=1'));
    await waitForReport(page);
    const panel = page.getByTestId('sender-panel');
    const ring = (selector: string) =>
      page.evaluate((s) => {
        const el = document.querySelector(s)!;
        return { focused: document.activeElement === el, outline: getComputedStyle(el).outlineStyle };
      }, selector);
    expect(await panel.evaluate((el) => document.activeElement === el)).toBe(true);
    expect(await ring('[data-testid="sender-panel"]')).toEqual({ focused: true, outline: 'none' });
    // From the keyboard: the chip's card takes the focus, ringed.
    await page.locator('.verdict-strip .chip').first().focus();
    await page.keyboard.press('Enter');
    const card = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(card).toMatch(/^check-\d+$/);
    expect(await ring(`#${card}`)).toEqual({ focused: true, outline: 'solid' });
    // A click puts the page back in pointer mode: the focus the page moves is not ringed.
    await page.locator('.verdict-strip .chip').first().click();
    expect((await ring(`#${card}`)).outline).toBe('none');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says in one line, on a tab that is no webmail, that it cannot read it; the steps open from that line', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    const box = page.getByTestId('gather-failed');
    await box.waitFor();
    expect(await box.textContent()).toContain('Hoplens cannot read this tab');
    const lineHeight = await box.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 20);
    const closed = (await box.boundingBox())!.height;
    expect(closed).toBeLessThan(lineHeight * 2 + 2);
    await box.locator('summary').click();
    expect(await box.locator('ol li').count()).toBe(3);
    expect((await box.boundingBox())!.height).toBeGreaterThan(closed * 2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names each chip’s subject and role, so two MX chips say which domain is which', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('report.html?sample=1'));
    await waitForReport(page);
    const chips = (await page.locator('.verdict-strip .chip-label').allInnerTexts()).map((c) => c.replace(/[\u2068\u2069]/g, ''));
    expect(chips).toContain('Reverse DNS 203.0.113.25 (sender)');
    expect(chips.some((c) => /^MX \S+ \((Return-Path|From:|Return-Path and From:)\)$/.test(c))).toBe(true);
    const mxCards = (await page.locator('[data-testid="check-card"][data-check="mx"] h3').allInnerTexts()).map((c) => c.replace(/[\u2068\u2069]/g, ''));
    expect(mxCards.every((h) => /\((Return-Path|From:|Return-Path and From:)\)$/.test(h))).toBe(true);
    await page.close();
  });
});

describe('report clarity with DNS off (Chromium)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ settings: { noDns: true } });
  });
  afterAll(async () => session?.close());

  it('leads with what the receivers recorded, in view, and says in one line that nothing was checked', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await pasteAndAnalyze(page, sample());
    const recorded = page.getByTestId('recorded-first');
    expect(await recorded.isVisible()).toBe(true);
    expect(await recorded.getByTestId('claims-table').isVisible()).toBe(true);
    const route = page.locator('#route-title');
    expect((await recorded.boundingBox())!.y).toBeLessThan((await route.boundingBox())!.y);
    expect(await page.getByTestId('check-card').count()).toBe(0);
    expect(await page.getByTestId('dns-off-checks').textContent()).toContain('Not checked, DNS lookups are off: Reverse DNS (iprev), HELO/EHLO name');
    expect(await page.locator('.verdict-strip').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
