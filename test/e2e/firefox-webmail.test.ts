import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchGecko, type GeckoSession } from './gecko/client.js';
import { startHttpsSite } from './gecko/servers.js';
import { e2eSettings } from './flows.js';
import {
  EXCHANGE_HOST,
  exchangeMessagePath,
  OUTLOOK_ANCHOR,
  OUTLOOK_CANARY,
  OUTLOOK_CONVERSATION_FAILURES,
  OUTLOOK_CONVERSATION_TRIED,
  OUTLOOK_CONVERSATIONS,
  OUTLOOK_FAILURES,
  OUTLOOK_IDS,
  OUTLOOK_THREAD,
  OUTLOOK_TOKEN,
  OUTLOOK_TOKEN_EXPIRED_SAID,
  OUTLOOK_TOKEN_HOST,
  outlookBusinessPath,
  outlookMessagePath,
  outlookResponse,
  type ServiceBody,
} from './outlook-fixture.js';
import { SUMMARY, VERDICTS } from './page-scripts.js';
import { YAHOO_FAILURES, YAHOO_IDS, YAHOO_INBOX_PATH, YAHOO_THREAD_PATH, YAHOO_TRIED, yahooResponse } from './yahoo-fixture.js';

const FAILED = `document.querySelector('[data-testid="gather-failed"]')`;

/** The webmail flows of the Chromium tests (yahoo.test.ts, outlook.test.ts), in Firefox ESR through its real toolbar button. */
describe('Firefox ESR on Yahoo Mail, AOL Mail and Outlook on the web', () => {
  let session: GeckoSession;
  let sites: Awaited<ReturnType<typeof startHttpsSite>>;
  const rawRequests: { url: string; cookie: string }[] = [];
  const serviceCalls: { url: string; action: string; canary: string; anchor: string; authorization: string; shape: string; id: string }[] = [];

  beforeAll(async () => {
    sites = await startHttpsSite(['mail.yahoo.com', 'mail.aol.com', 'outlook.office.com', OUTLOOK_TOKEN_HOST, EXCHANGE_HOST], (url, request, body) => {
      const host = new URL(url).hostname;
      if (host === 'outlook.office.com' || host === OUTLOOK_TOKEN_HOST || host === EXCHANGE_HOST) {
        const action = String(request.headers.action ?? '');
        const authorization = String(request.headers.authorization ?? '');
        if (new URL(url).pathname === '/owa/service.svc') {
          const call = (JSON.parse(body) as ServiceBody).Body;
          serviceCalls.push({
            url,
            action,
            canary: String(request.headers['x-owa-canary'] ?? ''),
            anchor: String(request.headers['x-anchormailbox'] ?? ''),
            authorization,
            shape: call?.ShapeName ?? 'mime',
            id: call?.ItemIds?.[0]?.Id ?? call?.Conversations?.[0]?.ConversationId?.Id ?? '',
          });
        }
        return outlookResponse(url, request.method ?? 'GET', body, action, authorization);
      }
      if (url.includes('/content/rawplaintext')) rawRequests.push({ url, cookie: request.headers.cookie ?? '' });
      return yahooResponse(url);
    });
    session = await launchGecko('firefox', { extensionDir: inject('firefoxDir'), prefs: sites.prefs });
    await session.setStorage({ settings: e2eSettings() });
    for (const domain of ['mail.yahoo.com', 'mail.aol.com']) {
      await session.navigate(`https://${domain}${YAHOO_INBOX_PATH}`);
      await session.addCookie({ name: 'T', value: `e2e-${domain}`, domain, path: '/', secure: true });
    }
    for (const domain of ['outlook.office.com', OUTLOOK_TOKEN_HOST]) {
      // The token host's inbox page writes its sign-in cache; the tests' own visits rewrite it.
      await session.navigate(`https://${domain}/mail/inbox`);
      await session.addCookie({ name: 'X-OWA-CANARY', value: OUTLOOK_CANARY, domain, path: '/', secure: true });
      await session.addCookie({ name: 'DefaultAnchorMailbox', value: OUTLOOK_ANCHOR, domain, path: '/', secure: true });
    }
    // An organisation's own Exchange: session and canary cookies only; its page writes a sign-in cache that must never be sent.
    await session.navigate(`https://${EXCHANGE_HOST}/owa/`);
    await session.addCookie({ name: 'X-OWA-CANARY', value: OUTLOOK_CANARY, domain: EXCHANGE_HOST, path: '/', secure: true });
  });
  afterAll(async () => {
    await session?.close();
    await sites?.stop();
  });

  async function failure(url: string): Promise<string> {
    await session.navigate(url);
    const popup = await session.clickButton();
    await popup.waitFor(FAILED);
    const text = await popup.evaluate<string>(`return ${FAILED}.textContent;`);
    expect(await popup.evaluate(`return Boolean(document.querySelector('[data-testid="paste-input"]'));`)).toBe(true);
    await popup.close();
    return text;
  }

  it('reads the open message through the raw-message endpoint with the page session', async () => {
    await session.navigate(`https://mail.yahoo.com/d/folders/1/messages/${YAHOO_IDS.sample}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)).toEqual({
      url: `https://mail.yahoo.com/ws/v3/mailboxes/@/messages/@.id==${YAHOO_IDS.sample}/content/rawplaintext`,
      cookie: 'T=e2e-mail.yahoo.com',
    });
    const verdicts = await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);
    expect(verdicts['iprev 203.0.113.25']).toBe('pass');
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain('Yahoo Mail — raw source of the open message');
    await popup.close();
  });

  it('reads the message in view of a conversation, offers the others, and switches', async () => {
    await session.navigate(`https://mail.yahoo.com${YAHOO_THREAD_PATH}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)?.url).toContain(YAHOO_IDS.sample);
    expect(await popup.evaluate(`return Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent);`)).toEqual([
      '1. Other Sender',
      '2. Sam Admin',
    ]);
    await popup.evaluate(`const select = document.querySelector('#choice-select');
      select.value = '${YAHOO_IDS.origin27}';
      select.dispatchEvent(new Event('change', { bubbles: true }));`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.27'] && ${SUMMARY}`);
    expect(rawRequests.at(-1)?.url).toContain(YAHOO_IDS.origin27);
    await popup.close();
  });

  it('reads AOL Mail on its own origin', async () => {
    await session.navigate(`https://mail.aol.com/d/folders/1/messages/${YAHOO_IDS.sample}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(rawRequests.at(-1)).toEqual({
      url: `https://mail.aol.com/ws/v3/mailboxes/@/messages/@.id==${YAHOO_IDS.sample}/content/rawplaintext`,
      cookie: 'T=e2e-mail.aol.com',
    });
    await popup.close();
  });

  it('ends every unexpected answer, and a page that names no message, in the guided paste', async () => {
    for (const [id, got] of YAHOO_FAILURES) {
      expect(await failure(`https://mail.yahoo.com/d/folders/1/messages/${id}`), id).toContain(`${YAHOO_TRIED} ${got}`);
    }
    const requests = rawRequests.length;
    expect(await failure(`https://mail.yahoo.com${YAHOO_INBOX_PATH}`)).toContain('No message is open in this Yahoo Mail tab');
    expect(rawRequests.length).toBe(requests);
  });

  it("reads Outlook's MIME through the page's service endpoint, falls back to the internet headers, and ends the rest in the paste", async () => {
    await session.navigate(`https://outlook.office.com${outlookMessagePath(OUTLOOK_IDS.sample)}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(serviceCalls.at(-1)).toEqual({
      url: 'https://outlook.office.com/owa/service.svc?action=GetItem&app=Mail',
      action: 'GetItem',
      canary: OUTLOOK_CANARY,
      anchor: OUTLOOK_ANCHOR,
      authorization: '',
      shape: 'mime',
      id: OUTLOOK_IDS.sample,
    });
    const verdicts = await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain('Outlook on the web — MIME of the open message');
    await popup.close();

    await session.navigate(`https://outlook.office.com${outlookMessagePath(OUTLOOK_IDS.headersOnly)}`);
    const headers = await session.clickButton();
    await headers.waitFor(SUMMARY);
    expect(serviceCalls.slice(-2).map((c) => c.shape)).toEqual(['mime', 'MessageDetails']);
    expect(await headers.evaluate<string>('return document.body.innerText;')).toContain('internet headers of the open message (headers only');
    await headers.close();

    for (const [id, said] of OUTLOOK_FAILURES) {
      expect(await failure(`https://outlook.office.com${outlookMessagePath(id)}`), id).toContain(`Hoplens asked Outlook on the web for ${said}`);
    }
    expect(await failure('https://outlook.office.com/mail/inbox')).toContain('No message is open in this Outlook on the web tab');
  });

  it("reads a mailbox that takes the page's sign-in token only with the page's own token, and says so where it has expired", async () => {
    const before = serviceCalls.length;
    await session.navigate(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_IDS.sample)}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(serviceCalls.slice(before).map((c) => [c.action, c.authorization, c.canary, c.anchor])).toEqual([
      ['GetItem', `Bearer ${OUTLOOK_TOKEN}`, OUTLOOK_CANARY, OUTLOOK_ANCHOR],
    ]);
    const verdicts = await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain('Outlook on the web — MIME of the open message');
    const shownAndKept = await popup.evaluate<string>(
      'return JSON.stringify([document.documentElement.outerHTML, await browser.storage.session.get(null), await browser.storage.local.get(null)]);',
    );
    expect(shownAndKept).not.toContain(OUTLOOK_TOKEN);
    await popup.close();

    const listed = serviceCalls.length;
    await session.navigate(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_CONVERSATIONS.thread)}`);
    const thread = await session.clickButton();
    await thread.waitFor(SUMMARY);
    expect(serviceCalls.slice(listed).map((c) => [c.action, c.authorization])).toEqual([
      ['GetConversationItems', `Bearer ${OUTLOOK_TOKEN}`],
      ['GetItem', `Bearer ${OUTLOOK_TOKEN}`],
    ]);
    await thread.close();

    const expired = serviceCalls.length;
    expect(await failure(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_IDS.tokenExpired)}`)).toContain(
      `Hoplens asked Outlook on the web for the MIME content of the open message (GetItem) and got ${OUTLOOK_TOKEN_EXPIRED_SAID}`,
    );
    expect(serviceCalls.slice(expired).map((c) => [c.action, c.authorization])).toEqual([['GetItem', '']]);
  });

  it("reads the message in view of an Outlook conversation, offers the others, switches, and ends the conversation call's failures in the paste", async () => {
    await session.navigate(`https://outlook.office.com${outlookBusinessPath(OUTLOOK_CONVERSATIONS.thread)}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(serviceCalls.slice(-2).map((c) => [c.action, c.id, c.anchor])).toEqual([
      ['GetConversationItems', OUTLOOK_CONVERSATIONS.thread, OUTLOOK_ANCHOR],
      ['GetItem', OUTLOOK_IDS.origin27, OUTLOOK_ANCHOR],
    ]);
    expect(await popup.evaluate(`return Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent);`)).toEqual(
      OUTLOOK_THREAD.map((m) => m.label),
    );
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain('Outlook on the web — MIME of message 1 of 2 in the conversation');
    await popup.evaluate(`const select = document.querySelector('#choice-select');
      select.value = '${OUTLOOK_IDS.sample}';
      select.dispatchEvent(new Event('change', { bubbles: true }));`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.25'] && ${SUMMARY}`);
    expect(serviceCalls.at(-1)?.id).toBe(OUTLOOK_IDS.sample);
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain('Outlook on the web — MIME of message 2 of 2 in the conversation');
    await popup.close();

    for (const [id, got] of OUTLOOK_CONVERSATION_FAILURES) {
      const before = serviceCalls.length;
      expect(await failure(`https://outlook.office.com${outlookBusinessPath(id)}`), id).toContain(`${OUTLOOK_CONVERSATION_TRIED} ${got}`);
      expect(serviceCalls.slice(before).map((c) => c.action)).toEqual(['GetConversationItems']);
    }
  });

  it("on an organisation's own Exchange, reads the message open in its own window with the session only, and in the reading pane asks for that window", async () => {
    const before = serviceCalls.length;
    await session.navigate(`https://${EXCHANGE_HOST}${exchangeMessagePath(OUTLOOK_IDS.sample)}`);
    const popup = await session.clickButton();
    await popup.waitFor(SUMMARY);
    expect(serviceCalls.slice(before)).toEqual([
      {
        url: `https://${EXCHANGE_HOST}/owa/service.svc?action=GetItem&app=Mail`,
        action: 'GetItem',
        canary: OUTLOOK_CANARY,
        anchor: '',
        authorization: '',
        shape: 'mime',
        id: OUTLOOK_IDS.sample,
      },
    ]);
    const verdicts = await popup.evaluate<Record<string, string>>(`return ${VERDICTS};`);
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate<string>('return document.body.innerText;')).toContain(
      `Outlook on the web (Exchange at ${EXCHANGE_HOST}) — MIME of the open message`,
    );
    await popup.close();

    const pane = await failure(`https://${EXCHANGE_HOST}/owa/#path=/mail`);
    expect(pane).toContain(`This Outlook on the web (Exchange at ${EXCHANGE_HOST}) tab shows the message in the reading pane`);
    expect(serviceCalls.length).toBe(before + 1);
  });
});
