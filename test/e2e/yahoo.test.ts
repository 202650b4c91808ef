import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';
import { SUMMARY, VERDICTS } from './page-scripts.js';
import { clickToolbar } from './toolbar.js';
import { gatherFailure, openTab } from './webmail-tab.js';
import { YAHOO_FAILURES, YAHOO_IDS, YAHOO_INBOX_PATH, YAHOO_THREAD_PATH, YAHOO_TRIED, yahooResponse } from './yahoo-fixture.js';

describe('toolbar flow on Yahoo Mail and AOL Mail', () => {
  let session: ExtensionSession;
  const rawRequests: { url: string; cookie: string }[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.addCookies([
      { name: 'T', value: 'e2e-yahoo-session', domain: 'mail.yahoo.com', path: '/', secure: true },
      { name: 'T', value: 'e2e-aol-session', domain: 'mail.aol.com', path: '/', secure: true },
    ]);
    for (const origin of ['https://mail.yahoo.com', 'https://mail.aol.com']) {
      await session.context.route(`${origin}/**`, async (route) => {
        const url = route.request().url();
        if (url.includes('/content/rawplaintext')) rawRequests.push({ url, cookie: (await route.request().allHeaders()).cookie ?? '' });
        const { headers, ...answer } = yahooResponse(url);
        return route.fulfill({ ...answer, ...(headers ? { headers } : {}) });
      });
    }
  });
  afterAll(async () => session?.close());

  const open = (url: string) => openTab(session, url);
  const failure = (url: string) => gatherFailure(session, url);

  it('reads the open message through its raw-message endpoint with the page session', async () => {
    const tab = await open(`https://mail.yahoo.com/d/folders/1/messages/${YAHOO_IDS.sample}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)).toEqual({
      url: `https://mail.yahoo.com/ws/v3/mailboxes/@/messages/@.id==${YAHOO_IDS.sample}/content/rawplaintext`,
      cookie: 'T=e2e-yahoo-session',
    });
    const verdicts = await popup.evaluate<Record<string, string>>(VERDICTS);
    expect(verdicts['iprev 203.0.113.25']).toBe('pass');
    // The endpoint's bytes, unchanged: both signatures verify.
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate(`document.body.innerText.includes('Yahoo Mail — raw source of the open message')`)).toBe(true);
    expect(popup.problems).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('reads the message in view of a conversation and offers the others', async () => {
    const tab = await open(`https://mail.yahoo.com${YAHOO_THREAD_PATH}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)?.url).toContain(YAHOO_IDS.sample);
    expect(await popup.evaluate(`Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent)`)).toEqual([
      '1. Other Sender',
      '2. Sam Admin',
    ]);
    expect(await popup.evaluate(`document.body.innerText.includes('Yahoo Mail — message 2 of 2')`)).toBe(true);
    await popup.evaluate(`(() => {
      const select = document.querySelector('#choice-select');
      select.value = '${YAHOO_IDS.origin27}';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.27'] && ${SUMMARY}`);
    expect(rawRequests.at(-1)?.url).toContain(YAHOO_IDS.origin27);
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.27']).toBe('fail');
    expect(popup.problems).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('reads AOL Mail the same way, on its own origin', async () => {
    const tab = await open(`https://mail.aol.com/d/folders/1/messages/${YAHOO_IDS.sample}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)).toEqual({
      url: `https://mail.aol.com/ws/v3/mailboxes/@/messages/@.id==${YAHOO_IDS.sample}/content/rawplaintext`,
      cookie: 'T=e2e-aol-session',
    });
    expect(await popup.evaluate(`document.body.innerText.includes('AOL Mail — raw source of the open message')`)).toBe(true);
    await popup.close();
    await tab.close();
  });

  it('ends every unexpected answer in the guided paste, saying what was tried and what came back', async () => {
    for (const [id, got] of YAHOO_FAILURES) {
      const text = await failure(`https://mail.yahoo.com/d/folders/1/messages/${id}`);
      expect(text, id).toContain(`${YAHOO_TRIED} ${got}`);
      expect(text, id).toContain('View raw message');
    }
  });

  it('offers the paste flow when the page names no message', async () => {
    const requests = rawRequests.length;
    expect(await failure(`https://mail.yahoo.com${YAHOO_INBOX_PATH}`)).toContain('No message is open in this Yahoo Mail tab');
    expect(rawRequests.length).toBe(requests);
  });
});
