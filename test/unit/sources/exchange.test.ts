import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAnswer, PageRequest } from '../../../src/sources/webmail-page.js';

/** What the tab answers: the page's shown texts, and one service answer per request, in order. */
let pageTexts: string[] = [];
let answers: PageAnswer[] = [];
const requests: PageRequest[] = [];
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../ui/fake-i18n.js')).i18n,
    scripting: {
      executeScript: async ({ func, args }: { func: { name: string }; args: unknown[] }) => {
        if (func.name !== 'fetchFromPage') return [{ result: pageTexts }];
        requests.push(args[0] as PageRequest);
        return [{ result: answers.shift() }];
      },
    },
  },
}));
const { exchangeIdInAddress } = await import('../../../src/sources/exchange.js');
const { gatherFrom, sourceFor } = await import('../../../src/sources/index.js');

const ID = 'AAMkAGhvcGxlbnMtc2FtcGxlLTAwMDEAAAAAAAA=';
const RAW = 'Received: from a.example by mail.example.com; Tue, 1 Apr 2025 10:00:00 +0000\r\nFrom: a@a.example\r\nSubject: Hi\r\n\r\nBody';
const popOut = (host: string, id = ID) => `https://${host}/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`;
const tab = (url: string) => ({ tabId: 1, url: new URL(url), mailClient: false });
const json = (body: unknown): PageAnswer => ({
  ok: true,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  redirected: false,
  text: JSON.stringify(body),
  cookiesSent: ['X-OWA-CANARY'],
});
const mimeAnswer = (raw: string) =>
  json({ Body: { ResponseMessages: { Items: [{ ResponseClass: 'Success', ResponseCode: 'NoError', Items: [{ MimeContent: { Value: btoa(raw) } }] }] } } });

beforeEach(() => {
  pageTexts = [];
  answers = [];
  requests.length = 0;
});

describe("an organisation's own Outlook on the web (Exchange)", () => {
  it("takes https pages under /owa/ on any host but Microsoft's, which keep their own source", () => {
    expect(sourceFor(tab(popOut('mail.example.com')))?.id).toBe('exchange');
    expect(sourceFor(tab('https://mail.example.com/owa/#path=/mail'))?.id).toBe('exchange');
    expect(sourceFor(tab('https://webmail.example.org:8443/OWA/'))?.id).toBe('exchange');
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'])
      expect(sourceFor(tab(popOut(host)))?.id, host).toBe('outlook');
    expect(sourceFor(tab(popOut('mail.example.com').replace('https:', 'http:')))?.id).toBe('page');
    expect(sourceFor(tab('https://mail.example.com/owaX/?ItemID=x'))?.id).toBe('page');
    expect(sourceFor(tab('https://mail.example.com/owa'))?.id).toBe('page');
    expect(sourceFor(tab('https://mail.example.com/x/owa/'))?.id).toBe('page');
  });

  it('reads the item id of a message open in its own window, and nothing that is not one', () => {
    expect(exchangeIdInAddress(new URL(popOut('mail.example.com')))).toBe(ID);
    // The name in any case; a raw "+" of base64 stays a "+"; the id also found in the fragment.
    expect(exchangeIdInAddress(new URL(`https://m.example.com/owa/?itemid=${ID.replace('=', '%3d')}&exvsurl=1`))).toBe(ID);
    expect(exchangeIdInAddress(new URL('https://m.example.com/owa/?ItemID=AAMkAG+vcGxlbnMtc2FtcGxl&exvsurl=1'))).toBe('AAMkAG+vcGxlbnMtc2FtcGxl');
    expect(exchangeIdInAddress(new URL(`https://m.example.com/owa/#viewmodel=ReadMessageItem&ItemID=${encodeURIComponent(ID)}`))).toBe(ID);
    expect(exchangeIdInAddress(new URL('https://m.example.com/owa/#path=/mail'))).toBeNull();
    expect(exchangeIdInAddress(new URL('https://m.example.com/owa/?XItemID=' + ID))).toBeNull();
    // A conversation id is no item GetItem takes; hostile and oversized values are no id.
    expect(exchangeIdInAddress(new URL(popOut('m.example.com', 'AAQkAGhvcGxlbnMtdGhyZWFkLTAwMDEAAAAAAAA=')))).toBeNull();
    expect(exchangeIdInAddress(new URL(popOut('m.example.com', 'AAMk<script>alert(1)</script>aaaa')))).toBeNull();
    expect(exchangeIdInAddress(new URL('https://m.example.com/owa/?ItemID=%E0%A4%A&x=1'))).toBeNull();
    expect(exchangeIdInAddress(new URL(popOut('m.example.com', `AAMk${'A'.repeat(1100)}`)))).toBeNull();
    expect(exchangeIdInAddress(new URL(`https://m.example.com/owa/?ItemID=${'%41'.repeat(5000)}`))).toBeNull();
    expect(exchangeIdInAddress(new URL('https://m.example.com/owa/?ItemID=short'))).toBeNull();
  });

  it("asks the tab's own service endpoint with its session and canary only, never a token, and names the host", async () => {
    answers = [mimeAnswer(RAW)];
    const result = await gatherFrom(tab(popOut('mail.example.com')));
    expect(result).toMatchObject({
      ok: true,
      raw: RAW,
      source: { kind: 'outlook', label: 'Outlook on the web (Exchange at mail.example.com) — MIME of the open message' },
    });
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.url).toBe('https://mail.example.com/owa/service.svc?action=GetItem&app=Mail');
    expect(request.pageToken).toBeUndefined();
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.cookieHeaders?.map((c) => c.header)).toEqual(['X-OWA-CANARY', 'X-AnchorMailbox']);
    expect(request.timeoutMs).toBeGreaterThan(0);
    expect(request.maxBytes).toBeGreaterThan(0);
    expect(JSON.parse(request.body!).Body.ItemIds[0].Id).toBe(ID);
  });

  it('ends every unexpected answer in the guided paste, saying what was tried and what came back', async () => {
    const tried = 'Hoplens asked Outlook on the web (Exchange at mail.example.com) for the MIME content of the open message (GetItem) and got';
    for (const [answer, got] of [
      [{ ...json(''), status: 440 }, 'HTTP status 440 (the session ran out, most likely)'],
      [{ ...json(''), status: 401 }, 'HTTP status 401 (the session ran out, most likely)'],
      [{ ...json(''), status: 302, redirected: true }, 'a web page (a sign-in page, most likely) instead of the message'],
      [{ ...json(''), status: 500 }, 'HTTP status 500'],
      [{ ...json({ no: 'shape' }) }, 'JSON of another shape (no Body.ResponseMessages.Items)'],
      [mimeAnswer('Hello, this is no message.\n'), 'text that is not a mail message'],
      [{ ok: false, problem: 'timeout', detail: '15000' }, 'no answer within 15 seconds'],
    ] as const) {
      answers = [answer as PageAnswer];
      const result = await gatherFrom(tab(popOut('mail.example.com')));
      expect(result.ok, got).toBe(false);
      expect(!result.ok && result.reason, got).toContain(`${tried} ${got}`);
      expect(!result.ok && result.pasteHelp[2]).toBe('Choose "View message details"; the window it opens shows the message\'s internet headers.');
    }
  });

  it('in the reading pane reads headers the page shows, else asks for the message in its own window, without a request', async () => {
    pageTexts = [RAW];
    expect(await gatherFrom(tab('https://mail.example.com/owa/#path=/mail'))).toMatchObject({
      ok: true,
      source: { label: 'Outlook on the web (Exchange at mail.example.com) — message source on screen' },
    });
    pageTexts = ['Inbox'];
    const result = await gatherFrom(tab('https://mail.example.com/owa/#path=/mail'));
    expect(!result.ok && result.reason).toMatch(
      /^This Outlook on the web \(Exchange at mail\.example\.com\) tab shows the message in the reading pane.*Open the message in its own window/,
    );
    expect(requests).toHaveLength(0);
  });
});
