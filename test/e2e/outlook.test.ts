import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';
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
  OUTLOOK_GRAPH_TOKEN,
  OUTLOOK_TOKEN,
  OUTLOOK_TOKEN_EXPIRED_SAID,
  OUTLOOK_TOKEN_HOST,
  outlookBusinessPath,
  outlookMessagePath,
  outlookResponse,
  type ServiceBody,
} from './outlook-fixture.js';
import { SUMMARY, VERDICTS } from './page-scripts.js';
import { clickToolbar } from './toolbar.js';
import { gatherFailure, openTab } from './webmail-tab.js';

interface ServiceCall {
  url: string;
  action: string;
  canary: string;
  anchor: string;
  authorization: string;
  cookie: string;
  body: Required<ServiceBody>;
}

describe('toolbar flow on Outlook on the web and Outlook.com', () => {
  let session: ExtensionSession;
  const calls: ServiceCall[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    for (const domain of ['outlook.live.com', 'outlook.office.com', OUTLOOK_TOKEN_HOST, EXCHANGE_HOST]) {
      await session.context.addCookies([
        { name: 'X-OWA-CANARY', value: OUTLOOK_CANARY, domain, path: '/', secure: true },
        { name: 'OWAAuth', value: 'e2e-session', domain, path: '/', secure: true, httpOnly: true },
      ]);
      // Microsoft 365 routes a request by its anchor mailbox; the page's cookie of that name holds it.
      if (domain !== 'outlook.live.com' && domain !== EXCHANGE_HOST)
        await session.context.addCookies([{ name: 'DefaultAnchorMailbox', value: OUTLOOK_ANCHOR, domain, path: '/', secure: true }]);
      await session.context.route(`https://${domain}/**`, async (route) => {
        const request = route.request();
        const body = request.postData() ?? '';
        let action = '';
        let authorization = '';
        if (new URL(request.url()).pathname === '/owa/service.svc') {
          const headers = await request.allHeaders();
          action = headers.action ?? '';
          authorization = headers.authorization ?? '';
          calls.push({
            url: request.url(),
            action,
            canary: headers['x-owa-canary'] ?? '',
            anchor: headers['x-anchormailbox'] ?? '',
            authorization,
            cookie: headers.cookie ?? '',
            body: JSON.parse(body),
          });
        }
        const { headers, ...answer } = outlookResponse(request.url(), request.method(), body, action, authorization);
        return route.fulfill({ ...answer, ...(headers ? { headers } : {}) });
      });
    }
  });
  afterAll(async () => session?.close());

  const open = (url: string) => openTab(session, url);
  const failure = (url: string) => gatherFailure(session, url);
  const options = (popup: Awaited<ReturnType<typeof clickToolbar>>) =>
    popup.evaluate<string[]>(`Array.from(document.querySelectorAll('#choice-select option'), (o) => o.textContent)`);

  it("reads the open message's MIME through the page's service endpoint, with its canary and session", async () => {
    for (const origin of ['https://outlook.live.com', 'https://outlook.office.com']) {
      const tab = await open(`${origin}${outlookMessagePath(OUTLOOK_IDS.sample)}`);
      const popup = await clickToolbar(session, tab);
      await popup.waitFor(SUMMARY);
      const call = calls.at(-1)!;
      expect(call.url).toBe(`${origin}/owa/service.svc?action=GetItem&app=Mail`);
      expect([call.action, call.canary]).toEqual(['GetItem', OUTLOOK_CANARY]);
      expect(call.cookie).toContain('OWAAuth=e2e-session');
      expect(call.body.Body.ItemIds![0]!.Id).toBe(OUTLOOK_IDS.sample);
      expect(call.body.Body.ItemShape!.IncludeMimeContent).toBe(true);
      // These pages keep no sign-in cache: no Authorization, as their own requests carry none.
      expect(call.authorization).toBe('');
      const verdicts = await popup.evaluate<Record<string, string>>(VERDICTS);
      expect(verdicts['iprev 203.0.113.25']).toBe('pass');
      // MIME decoded to its bytes: both signatures verify.
      expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
      expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web — MIME of the open message')`)).toBe(true);
      expect(popup.problems).toEqual([]);
      await popup.close();
      await tab.close();
    }
  });

  it("sends Microsoft 365's anchor mailbox from the page's cookie, as the page's own requests carry it", async () => {
    const tab = await open(`https://outlook.office.com${outlookBusinessPath(OUTLOOK_IDS.sample)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    const call = calls.at(-1)!;
    expect([call.action, call.canary, call.anchor]).toEqual(['GetItem', OUTLOOK_CANARY, OUTLOOK_ANCHOR]);
    expect(call.cookie).toContain(`DefaultAnchorMailbox=${OUTLOOK_ANCHOR}`);
    await popup.close();
    await tab.close();
  });

  it("reads a mailbox that takes the page's sign-in token only, sending the page's own token for it, shown and kept nowhere", async () => {
    const before = calls.length;
    const tab = await open(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_IDS.sample)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    const made = calls.slice(before);
    expect(made.map((c) => [c.action, c.authorization, c.canary, c.anchor])).toEqual([['GetItem', `Bearer ${OUTLOOK_TOKEN}`, OUTLOOK_CANARY, OUTLOOK_ANCHOR]]);
    const verdicts = await popup.evaluate<Record<string, string>>(VERDICTS);
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web — MIME of the open message')`)).toBe(true);
    const shown = await popup.evaluate<string>('document.documentElement.outerHTML');
    const kept = await popup.evaluate<string>(
      'Promise.all([chrome.storage.session.get(null), chrome.storage.local.get(null)]).then((all) => JSON.stringify(all))',
    );
    for (const token of [OUTLOOK_TOKEN, OUTLOOK_GRAPH_TOKEN]) {
      expect(shown).not.toContain(token);
      expect(kept).not.toContain(token);
    }
    expect(popup.problems).toEqual([]);
    await popup.close();
    await tab.close();

    // In conversation view both of the page's calls carry it.
    const listed = calls.length;
    const thread = await open(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_CONVERSATIONS.thread)}`);
    const threadPopup = await clickToolbar(session, thread);
    await threadPopup.waitFor(SUMMARY);
    expect(calls.slice(listed).map((c) => [c.action, c.authorization])).toEqual([
      ['GetConversationItems', `Bearer ${OUTLOOK_TOKEN}`],
      ['GetItem', `Bearer ${OUTLOOK_TOKEN}`],
    ]);
    await threadPopup.close();
    await thread.close();
  });

  it("ends in the guided paste, saying the page's token had expired, where its cache holds only an expired one", async () => {
    const before = calls.length;
    const text = await failure(`https://${OUTLOOK_TOKEN_HOST}${outlookBusinessPath(OUTLOOK_IDS.tokenExpired)}`);
    expect(text).toContain(`Hoplens asked Outlook on the web for the MIME content of the open message (GetItem) and got ${OUTLOOK_TOKEN_EXPIRED_SAID}`);
    expect(calls.slice(before).map((c) => [c.action, c.authorization])).toEqual([['GetItem', '']]);
  });

  it('falls back to the internet headers where MIME is refused, and says the report is of headers only', async () => {
    const tab = await open(`https://outlook.live.com${outlookMessagePath(OUTLOOK_IDS.headersOnly)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(calls.slice(-2).map((c) => c.body.Body.ShapeName ?? 'mime')).toEqual(['mime', 'MessageDetails']);
    expect(calls.at(-1)!.anchor).toBe('');
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.27']).toBe('fail');
    expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web — internet headers of the open message (headers only')`)).toBe(true);
    await popup.close();
    await tab.close();
  });

  it('ends every unexpected answer in the guided paste, saying what was tried and what came back', async () => {
    for (const [id, said] of OUTLOOK_FAILURES) {
      const text = await failure(`https://outlook.office.com${outlookMessagePath(id)}`);
      expect(text, id).toContain(`Hoplens asked Outlook on the web for ${said}`);
      expect(text, id).toContain('View message source');
    }
  });

  it('in conversation view reads the message in view, offers the others, and switches', async () => {
    const tab = await open(`https://outlook.office.com${outlookBusinessPath(OUTLOOK_CONVERSATIONS.thread)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    const [list, read] = calls.slice(-2);
    expect([list!.action, list!.canary, list!.anchor]).toEqual(['GetConversationItems', OUTLOOK_CANARY, OUTLOOK_ANCHOR]);
    expect(list!.body.Body.Conversations![0]!.ConversationId!.Id).toBe(OUTLOOK_CONVERSATIONS.thread);
    // Newest on top, collapsed; the older message below fills the reading pane: it is the one read.
    expect([read!.action, read!.body.Body.ItemIds![0]!.Id]).toEqual(['GetItem', OUTLOOK_IDS.origin27]);
    expect(await options(popup)).toEqual(OUTLOOK_THREAD.map((m) => m.label));
    expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web — MIME of message 1 of 2 in the conversation')`)).toBe(true);
    expect((await popup.evaluate<Record<string, string>>(VERDICTS))['iprev 203.0.113.27']).toBe('fail');
    await popup.evaluate(`(() => {
      const select = document.querySelector('#choice-select');
      select.value = '${OUTLOOK_IDS.sample}';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await popup.waitFor(`${VERDICTS}['iprev 203.0.113.25'] && ${SUMMARY}`);
    expect(calls.at(-1)!.body.Body.ItemIds![0]!.Id).toBe(OUTLOOK_IDS.sample);
    expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web — MIME of message 2 of 2 in the conversation')`)).toBe(true);
    expect(popup.problems).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('in conversation view whose messages it cannot match to the page, reads the newest and says so', async () => {
    const tab = await open(`https://outlook.live.com${outlookMessagePath(OUTLOOK_CONVERSATIONS.unplaced)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(calls.at(-1)!.body.Body.ItemIds![0]!.Id).toBe(OUTLOOK_IDS.sample);
    expect(await options(popup)).toEqual(OUTLOOK_THREAD.map((m) => m.label));
    expect(
      await popup.evaluate(
        `document.body.innerText.includes("Outlook on the web — MIME of the newest of the conversation's 2 messages (Hoplens could not tell which one is on screen: choose it in the list)")`,
      ),
    ).toBe(true);
    await popup.close();
    await tab.close();
  });

  it('ends every unexpected answer to the conversation call in the guided paste, without reading a message', async () => {
    for (const [id, got] of OUTLOOK_CONVERSATION_FAILURES) {
      const before = calls.length;
      const text = await failure(`https://outlook.office.com${outlookBusinessPath(id)}`);
      expect(text, id).toContain(`${OUTLOOK_CONVERSATION_TRIED} ${got}`);
      expect(calls.slice(before).map((c) => c.action)).toEqual(['GetConversationItems']);
    }
    const before = calls.length;
    expect(await failure('https://outlook.office.com/mail/inbox')).toContain('No message is open in this Outlook on the web tab');
    expect(calls.length).toBe(before);
  });

  it("on an organisation's own Exchange, reads the message open in its own window with the session only, never the page's token", async () => {
    const before = calls.length;
    const tab = await open(`https://${EXCHANGE_HOST}${exchangeMessagePath(OUTLOOK_IDS.sample)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    const made = calls.slice(before);
    expect(made.map((c) => [c.url, c.action, c.canary, c.anchor, c.authorization])).toEqual([
      [`https://${EXCHANGE_HOST}/owa/service.svc?action=GetItem&app=Mail`, 'GetItem', OUTLOOK_CANARY, '', ''],
    ]);
    expect(made[0]!.cookie).toContain('OWAAuth=e2e-session');
    expect(made[0]!.body.Body.ItemIds![0]!.Id).toBe(OUTLOOK_IDS.sample);
    const verdicts = await popup.evaluate<Record<string, string>>(VERDICTS);
    expect([verdicts['dkim d=example.com s=dkimpy-rsa'], verdicts['dkim d=example.com s=dkimpy-ed']]).toEqual(['pass', 'pass']);
    expect(await popup.evaluate(`document.body.innerText.includes('Outlook on the web (Exchange at ${EXCHANGE_HOST}) — MIME of the open message')`)).toBe(true);
    const shown = await popup.evaluate<string>('document.documentElement.outerHTML');
    for (const token of [OUTLOOK_TOKEN, OUTLOOK_GRAPH_TOKEN]) expect(shown).not.toContain(token);
    expect(popup.problems).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it("on an organisation's own Exchange, says what came back, and in the reading pane asks for the message's own window", async () => {
    const before = calls.length;
    expect(await failure(`https://${EXCHANGE_HOST}${exchangeMessagePath(OUTLOOK_IDS.expired)}`)).toContain(
      `Hoplens asked Outlook on the web (Exchange at ${EXCHANGE_HOST}) for the MIME content of the open message (GetItem) and got HTTP status 440 (the session ran out, most likely)`,
    );
    expect(calls.slice(before).map((c) => [c.action, c.authorization])).toEqual([['GetItem', '']]);
    const pane = await failure(`https://${EXCHANGE_HOST}/owa/#path=/mail`);
    expect(pane).toContain(`This Outlook on the web (Exchange at ${EXCHANGE_HOST}) tab shows the message in the reading pane`);
    expect(pane).toContain('Open the message in its own window');
    expect(calls.length).toBe(before + 1);
  });
});
