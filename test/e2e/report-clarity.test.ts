import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { STALLED } from '../fixtures/reports/stalled.js';
import { fixture, openPopup, pasteAndAnalyze, sample, verdicts, waitForReport } from './flows.js';

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
  it('offers the message a forward carries first, as a button above the report', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await pasteAndAnalyze(page, fixture('forwarded-report.eml'));
    const offer = page.getByTestId('embedded-offer');
    expect(await offer.isVisible()).toBe(true);
    expect(await offer.textContent()).toContain('The reported message');
    expect((await offer.boundingBox())!.y).toBeLessThan((await page.getByTestId('sender-panel').boundingBox())!.y);
    expect(await page.getByTestId('embedded-select').count()).toBe(0);
    await page.getByTestId('embedded-attached').click();
    await expect.poll(async () => (await verdicts(page))['iprev 203.0.113.27']).toBe('fail');
    expect(await page.getByTestId('embedded-offer').textContent()).toContain('Showing the attached message.');
    await page.getByTestId('embedded-outer').click();
    await expect.poll(async () => (await verdicts(page))['iprev 203.0.113.29']).toBe('pass');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts a stall and clock skew beside the sender and marks the stalled hop in the table', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await pasteAndAnalyze(page, STALLED);
    const warnings = page.getByTestId('sender-panel').getByTestId('warnings');
    expect(await warnings.textContent()).toContain('The message waited 30 min before the hop into mx.example.net (hop 2)');
    expect(await page.locator('[data-testid="hop-row"].stall-row').count()).toBe(1);
    expect(await page.locator('[data-testid="hop-row"].stall-row [data-testid="stall-flag"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
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

describe('report clarity with a resolver that never answers (Chromium)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension({ settings: { customResolverUrl: inject('blackholeUrl'), timeoutMs: 1500 } });
  });
  afterAll(async () => session?.close());

  it('says so once, in a banner with Retry and Options; each card says "not checked: no resolver"', async () => {
    const page = await openPopup(session);
    const { problems } = guard(page);
    await page.getByTestId('paste-input').fill(sample());
    await page.getByTestId('analyze-button').click();
    // While waiting, the progress counts the questions asked, not "0 of 0".
    const progress = () => page.evaluate(() => document.querySelector('[data-testid="progress"]')?.textContent ?? '');
    await expect.poll(progress, { timeout: 10_000, interval: 50 }).toMatch(/DNS: 0 of [1-9]\d* questions answered, [1-9]\d* waiting/);
    await waitForReport(page);
    const banner = page.getByTestId('resolver-down');
    expect(await banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('The resolver did not answer: results unknown.');
    const badges = await page.locator('[data-testid="check-card"][data-result="temperror"] [data-testid="result-badge"]').allTextContents();
    expect(badges.length).toBeGreaterThan(2);
    for (const b of badges) expect(b).toContain('not checked: no resolver');
    expect(await page.locator('.verdict-strip').textContent()).not.toContain('temperror');
    await page.getByTestId('resolver-retry').click();
    await waitForReport(page);
    expect(await page.getByTestId('resolver-down').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('options with DNS off, and "Test this resolver" (Chromium)', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => session?.close());

  it('tests the chosen resolver with one question: the answer from the loopback stack, the error of one that never answers', async () => {
    const page = await session.context.newPage();
    const { problems } = guard(page);
    await page.goto(session.url('options.html'));
    const result = page.getByTestId('resolver-test-result');
    await page.getByTestId('test-resolver').click();
    await expect.poll(() => result.textContent()).toContain('It answered:');
    expect(await result.textContent()).toMatch(/example\.com SOA → NOERROR/);
    await page.locator('#custom-url').fill(inject('blackholeUrl'));
    await page.getByTestId('test-resolver').click();
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/^No answer: /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('turns the resolver choices off with No DNS, and saves although the custom URL is not valid', async () => {
    const page = await session.context.newPage();
    const { problems } = guard(page);
    await page.goto(session.url('options.html'));
    await page.locator('#custom-url').fill('not a url');
    await page.locator('#no-dns').check();
    expect(await page.locator('#resolver-custom').isDisabled()).toBe(true);
    expect(await page.getByTestId('test-resolver').isDisabled()).toBe(true);
    await page.getByTestId('save-options').click();
    await expect.poll(() => page.locator('[role="status"]').last().textContent()).toContain('Saved.');
    const saved = await session.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ settings: { noDns: boolean } }> } } } }).chrome.storage.local.get(
        'settings',
      ),
    );
    expect(saved.settings.noDns).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
