import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { fixture, sample } from './flows.js';
import { clickToolbar } from './toolbar.js';

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

  const VERDICTS = `Object.fromEntries(Array.from(document.querySelectorAll('[data-testid="check-card"]')).map((el) => [
    (el.dataset.check + ' ' + (el.querySelector('.subject')?.textContent ?? '')).trim(), el.dataset.result]))`;
  const SUMMARY = `document.querySelector('[data-testid="summary"]')`;

  async function openGmail(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`https://mail.google.com${path}`);
    await page.bringToFront();
    return page;
  }

  it('reads the message in view from the page session and shows its report', async () => {
    const gmail = await openGmail('/mail/u/0/#inbox/FMfcgzQbgRnJtestthread');
    const popup = await clickToolbar(session, gmail);
    await popup.waitFor(SUMMARY);

    expect(originalRequests.at(-1)?.url).toBe('https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1790000000000000777');
    expect(originalRequests.at(-1)?.cookie).toContain('SID=e2e-session');
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.25']).toBe('pass');
    expect(await popup.evaluate(`Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent)`)).toEqual([
      '1. Other Sender, Tue, Oct 14, 2025, 10:20 AM',
      '2. Sam Admin, Tue, Oct 14, 2025, 9:12 AM',
    ]);

    await popup.evaluate(`(() => {
      const select = document.querySelector('#choice-select');
      select.value = '1790000000000000001';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.27'] && ${SUMMARY}`);
    expect(originalRequests.at(-1)?.url).toContain('msg-f%3A1790000000000000001');
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.27']).toBe('fail');
    expect(await popup.evaluate(`document.body.innerText.includes('Gmail — message 1 of 2')`)).toBe(true);
    expect(popup.problems).toEqual([]);
    await popup.close();
  });

  it('offers the paste flow with Gmail steps when no message is open', async () => {
    await session.context.route('https://mail.google.com/mail/u/0/inbox-only', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Inbox</title><div role="main">Inbox</div>' }),
    );
    const inbox = await openGmail('/mail/u/0/inbox-only');
    const popup = await clickToolbar(session, inbox);
    await popup.waitFor(`document.querySelector('[data-testid="gather-failed"]')`);
    const failed = await popup.evaluate<string>(`document.querySelector('[data-testid="gather-failed"]').textContent`);
    expect(failed).toContain('No message is open in this Gmail tab');
    expect(failed).toContain('Show original');
    expect(await popup.evaluate(`Boolean(document.querySelector('[data-testid="paste-input"]'))`)).toBe(true);
    await popup.close();
  });

  it('cannot read a Gmail tab the user did not click the toolbar on: no host access to webmail', async () => {
    const gmail = await openGmail('/mail/u/0/#inbox/not-clicked');
    const requestsBefore = originalRequests.length;
    // popup.html opened by the worker, without a toolbar click: nothing grants activeTab.
    const opened = session.context.waitForEvent('page', (p) => p.url().endsWith('/popup.html'));
    await session.worker.evaluate(
      (url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup' }),
      session.url('popup.html'),
    );
    const popup = await opened;
    const { problems } = guard(popup);
    await popup.getByTestId('gather-failed').waitFor();
    expect(await popup.getByTestId('gather-failed').textContent()).toContain('cannot read this tab');
    expect(originalRequests.length).toBe(requestsBefore);
    expect(problems).toEqual([]);
    await gmail.close();
  });
});
