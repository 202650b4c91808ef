import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './browser.js';
import { OUTLOOK_CANARY, OUTLOOK_CONVERSATION_ID, OUTLOOK_FAILURES, OUTLOOK_IDS, outlookMessagePath, outlookResponse } from './outlook-fixture.js';
import { SUMMARY, VERDICTS } from './page-scripts.js';
import { clickToolbar } from './toolbar.js';
import { gatherFailure, openTab } from './webmail-tab.js';

interface ServiceCall {
  url: string;
  action: string;
  canary: string;
  cookie: string;
  body: { Body: { ItemIds: { Id: string }[]; ShapeName?: string; ItemShape: { IncludeMimeContent?: boolean } } };
}

describe('toolbar flow on Outlook on the web and Outlook.com', () => {
  let session: ExtensionSession;
  const calls: ServiceCall[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    for (const domain of ['outlook.live.com', 'outlook.office.com']) {
      await session.context.addCookies([
        { name: 'X-OWA-CANARY', value: OUTLOOK_CANARY, domain, path: '/', secure: true },
        { name: 'OWAAuth', value: 'e2e-session', domain, path: '/', secure: true, httpOnly: true },
      ]);
      await session.context.route(`https://${domain}/**`, async (route) => {
        const request = route.request();
        const body = request.postData() ?? '';
        if (new URL(request.url()).pathname === '/owa/service.svc') {
          const headers = await request.allHeaders();
          calls.push({
            url: request.url(),
            action: headers.action ?? '',
            canary: headers['x-owa-canary'] ?? '',
            cookie: headers.cookie ?? '',
            body: JSON.parse(body),
          });
        }
        const { headers, ...answer } = outlookResponse(request.url(), request.method(), body);
        return route.fulfill({ ...answer, ...(headers ? { headers } : {}) });
      });
    }
  });
  afterAll(async () => session?.close());

  const open = (url: string) => openTab(session, url);
  const failure = (url: string) => gatherFailure(session, url);

  it("reads the open message's MIME through the page's service endpoint, with its canary and session", async () => {
    for (const origin of ['https://outlook.live.com', 'https://outlook.office.com']) {
      const tab = await open(`${origin}${outlookMessagePath(OUTLOOK_IDS.sample)}`);
      const popup = await clickToolbar(session, tab);
      await popup.waitFor(SUMMARY);
      const call = calls.at(-1)!;
      expect(call.url).toBe(`${origin}/owa/service.svc?action=GetItem&app=Mail`);
      expect([call.action, call.canary]).toEqual(['GetItem', OUTLOOK_CANARY]);
      expect(call.cookie).toContain('OWAAuth=e2e-session');
      expect(call.body.Body.ItemIds[0]!.Id).toBe(OUTLOOK_IDS.sample);
      expect(call.body.Body.ItemShape.IncludeMimeContent).toBe(true);
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

  it('falls back to the internet headers where MIME is refused, and says the report is of headers only', async () => {
    const tab = await open(`https://outlook.live.com${outlookMessagePath(OUTLOOK_IDS.headersOnly)}`);
    const popup = await clickToolbar(session, tab);
    await popup.waitFor(SUMMARY);
    expect(calls.slice(-2).map((c) => c.body.Body.ShapeName ?? 'mime')).toEqual(['mime', 'MessageDetails']);
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

  it('in conversation view, where the address names the conversation, says so instead of guessing a message', async () => {
    const before = calls.length;
    expect(await failure(`https://outlook.office.com${outlookMessagePath(OUTLOOK_CONVERSATION_ID)}`)).toContain('names a conversation, not one message');
    expect(await failure('https://outlook.office.com/mail/inbox')).toContain('No message is open in this Outlook on the web tab');
    expect(calls.length).toBe(before);
  });
});
