import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { openPopup, pasteAndAnalyze, pasteAndClick, sample, verdicts, waitForReport } from './flows.js';
import { clickToolbar } from './toolbar.js';

interface ChromeSession {
  chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

const SAMPLE_SUBJECT = 'Hoplens sample: test message from mail.example.com';

describe('the popup forgets nothing when it closes', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    // A page that shows no message: the toolbar popup opened over it has nothing to read.
    await session.context.route('https://news.example/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>News</title><p>No mail here.</p>' }),
    );
  });
  afterAll(async () => session?.close());

  /**
   * The paste box's text when it first entered the page, read by an observer that runs before
   * the page's own effects: what the user sees on first paint, not what a moment later holds.
   */
  const firstPasteText = (page: Page) => page.evaluate(() => (window as unknown as { firstPasteText?: string }).firstPasteText);
  beforeAll(async () => {
    await session.context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const area = document.querySelector<HTMLTextAreaElement>('[data-testid="paste-input"]');
        if (!area) return;
        (window as unknown as { firstPasteText?: string }).firstPasteText = area.value;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
  });

  const sessionItems = () => session.worker.evaluate(() => (globalThis as unknown as ChromeSession).chrome.storage.session.get(null));
  const sessionKeys = async () => Object.keys(await sessionItems());
  const lastSubject = async () => ((await sessionItems())['last-analysis:label'] as { subject?: string | null } | undefined)?.subject;

  async function reopen(previous: Page): Promise<Page> {
    await previous.close();
    return openPopup(session);
  }

  it('brings back a pasted text that was not analysed, and keeps none over 2 MB', async () => {
    let page = await openPopup(session);
    const { problems } = guard(page);
    // A text area holds line ends as LF, whatever was pasted.
    const half = sample().slice(0, 1500).replace(/\r\n/g, '\n');
    await page.getByTestId('paste-input').fill(half);
    await expect.poll(() => page.getByTestId('draft-note').textContent()).toContain('Draft kept');

    page = await reopen(page);
    await page.getByTestId('paste-input').waitFor();
    expect(await firstPasteText(page)).toBe(half);
    expect(await page.getByTestId('paste-input').inputValue()).toBe(half);
    expect(await page.getByTestId('draft-note').textContent()).toBe('This is the text you had not analyzed yet when the popup closed.');

    await page.getByTestId('paste-input').fill(`${half}${'x'.repeat(2 * 1024 * 1024)}`);
    await expect.poll(() => page.getByTestId('draft-note').textContent()).toContain('not kept if the popup closes');
    await expect.poll(sessionKeys).not.toContain('draft');
    page = await reopen(page);
    await page.getByTestId('gather-failed').waitFor();
    expect(await page.getByTestId('paste-input').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers the last analysis by its subject on a tab without a message, and restores its report from the keyboard', async () => {
    let page = await openPopup(session);
    const { problems } = guard(page);
    await page.getByTestId('paste-input').fill(sample());
    await expect.poll(sessionKeys).toContain('draft');
    await pasteAndAnalyze(page, sample());
    await expect.poll(lastSubject).toBe(SAMPLE_SUBJECT);
    expect(await sessionKeys()).not.toContain('draft');
    await page.close();

    const news = await session.context.newPage();
    await news.goto('https://news.example/');
    await news.bringToFront();
    const popup = await clickToolbar(session, news);
    await popup.waitFor(`document.querySelector('[data-testid="show-last-analysis"]')`);
    expect(await popup.evaluate(`document.querySelector('[data-testid="show-last-analysis"]').textContent`)).toBe(`Show the last analysis: ${SAMPLE_SUBJECT}`);
    // The analysed paste is no draft any more.
    expect(await popup.evaluate(`document.querySelector('[data-testid="paste-input"]').value`)).toBe('');
    expect(popup.problems).toEqual([]);
    await popup.close();

    page = await openPopup(session);
    guard(page);
    const input = page.getByTestId('paste-input');
    await input.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('paste-input');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('show-last-analysis');
    await page.keyboard.press('Enter');
    await waitForReport(page);
    const v = await verdicts(page);
    expect(v['iprev 203.0.113.25']).toBe('pass');
    expect(await page.getByTestId('show-last-analysis').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
    await news.close();
  });

  it('names the last analysis by its subject when the popup closes right after the click', async () => {
    // The sender's subject, RFC 2047-encoded, with a bidi override in it.
    const subject = 'Invoice \u202efdp.exe — closed at once';
    const raw = sample().replace(`Subject: ${SAMPLE_SUBJECT}`, `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=`);
    const page = await openPopup(session);
    guard(page);
    await pasteAndClick(page, raw);
    // Closed before the report, its route or the worker's answer: all the popup ever sends is gone with the click.
    await page.close();
    // The worker has it from that one message alone.
    await expect.poll(lastSubject).toBe(subject);

    const news = await session.context.newPage();
    await news.goto('https://news.example/');
    await news.bringToFront();
    const popup = await clickToolbar(session, news);
    await popup.waitFor(`document.querySelector('[data-testid="show-last-analysis"]')`);
    expect(await popup.evaluate(`document.querySelector('[data-testid="show-last-analysis"]').textContent`)).toBe(
      'Show the last analysis: Invoice ⟨RLO⟩fdp.exe — closed at once',
    );
    expect(await popup.evaluate(`document.querySelector('[data-testid="show-last-analysis"] bdi') !== null`)).toBe(true);
    expect(popup.problems).toEqual([]);
    await popup.close();
    await news.close();
  });
});
