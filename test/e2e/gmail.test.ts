import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { fixture, sample, verdicts, waitForReport } from './flows.js';

const webmail = (name: string) => readFileSync(new URL(`../fixtures/webmail/${name}`, import.meta.url), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The two messages of the fixture thread, by Gmail's decimal id. */
const MESSAGES: Record<string, string> = {
  '1790000000000000001': fixture('origin-27.eml'),
  '1790000000000000777': sample(),
};

describe('toolbar flow on Gmail', () => {
  let session: ExtensionSession;
  const originalRequests: { url: string; cookie: string }[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.addCookies([{ name: 'SID', value: 'e2e-session', domain: 'mail.google.com', path: '/', secure: true }]);
    await session.context.route('https://mail.google.com/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('view') === 'om') {
        originalRequests.push({ url: url.href, cookie: (await route.request().allHeaders()).cookie ?? '' });
        const id = url.searchParams.get('permmsgid')?.replace(/^msg-f:/, '') ?? '';
        const raw = MESSAGES[id];
        if (!raw) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: webmail('gmail-original.html').replace('{{RAW}}', escapeHtml(raw)) });
      }
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: webmail('gmail-thread.html') });
    });
  });
  afterAll(async () => session?.close());

  /**
   * What a toolbar click does: popup.html opens over the tab the user is looking at and asks the
   * worker to gather from the active tab. A popup window stands in for the toolbar bubble, which
   * Playwright cannot click; the Gmail tab stays the active tab of the last focused normal window,
   * exactly as under a real toolbar popup.
   */
  async function clickToolbar(): Promise<Page> {
    const opened = session.context.waitForEvent('page', (p) => p.url().endsWith('/popup.html'));
    await session.worker.evaluate(
      (url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup', width: 700, height: 900 }),
      session.url('popup.html'),
    );
    return opened;
  }

  it('reads the message in view from the page session and shows its report', async () => {
    const gmail = await session.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJtestthread');
    await gmail.bringToFront();
    const popup = await clickToolbar();
    const { problems } = guard(popup);
    await waitForReport(popup);

    expect(originalRequests.at(-1)?.url).toBe('https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1790000000000000777');
    expect(originalRequests.at(-1)?.cookie).toContain('SID=e2e-session');
    expect((await verdicts(popup))['iprev 203.0.113.25']).toBe('pass');
    expect(await popup.locator('#choice-select option').allTextContents()).toEqual(['1. Other Sender, Tue, Oct 14, 2025, 10:20 AM', '2. Sam Admin, Tue, Oct 14, 2025, 9:12 AM']);

    await popup.locator('#choice-select').selectOption('1790000000000000001');
    await popup.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="check-card"][data-check="iprev"] .subject')).some((s) => s.textContent === '203.0.113.27'),
    );
    await waitForReport(popup);
    expect(originalRequests.at(-1)?.url).toContain('msg-f%3A1790000000000000001');
    expect((await verdicts(popup))['iprev 203.0.113.27']).toBe('fail');
    expect(await popup.getByText('Gmail — message 1 of 2').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('offers the paste flow with Gmail steps when no message is open', async () => {
    const inbox = await session.context.newPage();
    await session.context.route('https://mail.google.com/mail/u/0/inbox-only', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Inbox</title><div role="main">Inbox</div>' }),
    );
    await inbox.goto('https://mail.google.com/mail/u/0/inbox-only');
    await inbox.bringToFront();
    const popup = await clickToolbar();
    const failed = popup.getByTestId('gather-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('No message is open in this Gmail tab');
    expect(await failed.textContent()).toContain('Show original');
    await expect(popup.getByTestId('paste-input').isVisible()).resolves.toBe(true);
  });
});
