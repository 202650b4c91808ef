import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, guard, type ExtensionSession } from './browser.js';
import { gmailResponse, INBOX_ONLY_PATH, SAMPLE_DOWNLOAD_URL, SAMPLE_ORIGINAL_URL } from './gmail-fixture.js';
import { SUMMARY, VERDICTS } from './page-scripts.js';
import { clickToolbar } from './toolbar.js';

describe('toolbar flow on Gmail', () => {
  let session: ExtensionSession;
  const originalRequests: { url: string; cookie: string }[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.addCookies([{ name: 'SID', value: 'e2e-session', domain: 'mail.google.com', path: '/', secure: true }]);
    await session.context.route('https://mail.google.com/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('view') === 'om' || url.searchParams.get('view') === 'att') {
        originalRequests.push({ url: url.href, cookie: (await route.request().allHeaders()).cookie ?? '' });
      }
      return route.fulfill(gmailResponse(url.href));
    });
  });
  afterAll(async () => session?.close());

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

    // "Show original", then the bytes through its "Download Original" link, both with the session.
    expect(originalRequests.slice(-2).map((r) => r.url)).toEqual([SAMPLE_ORIGINAL_URL, SAMPLE_DOWNLOAD_URL]);
    expect(originalRequests.at(-1)?.cookie).toContain('SID=e2e-session');
    const verdicts = await popup.evaluate<Record<string, string>>(VERDICTS);
    expect(verdicts['iprev 203.0.113.25']).toBe('pass');
    // Both signatures verify in the worker, in Chromium's WebCrypto (Ed25519 included).
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
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
    expect(originalRequests.at(-1)?.url).toContain('msg-f:1790000000000000001');
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.27']).toBe('fail');
    expect(await popup.evaluate(`document.body.innerText.includes('Gmail — message 1 of 2')`)).toBe(true);
    expect(popup.problems).toEqual([]);
    await popup.close();
  });

  it('offers the paste flow with Gmail steps when no message is open', async () => {
    const inbox = await openGmail(INBOX_ONLY_PATH);
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
