// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * scripting.executeScript as browsers run it: the function travels as source text and is rebuilt
 * in the page, so anything it took from its module's scope is gone.
 */
const executeScript = vi.fn(async ({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => {
  const rebuilt = new Function(`return (${func.toString()})`)() as (...a: unknown[]) => unknown;
  return [{ result: await rebuilt(...args) }];
});
vi.mock('webextension-polyfill', async () => ({ default: { scripting: { executeScript }, i18n: (await import('../ui/fake-i18n.js')).i18n } }));
const { collectGmailCandidates, fetchOriginal } = await import('../../../src/sources/gmail-page.js');
const { pageTextCandidates } = await import('../../../src/sources/page-text.js');
const { pageSelection } = await import('../../../src/sources/selection.js');
const { gmailSource } = await import('../../../src/sources/gmail.js');

const gmailTab = { tabId: 7, url: new URL('https://mail.google.com/mail/u/0/#inbox/abc'), mailClient: false };
const THREAD = '<div data-message-id="#msg-f:1790000000000000777"><span email="a@example.com" name="Sam">Sam</span></div>';

function servePage(status: number, body: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers: { 'content-type': 'text/html' } })),
  );
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('functions injected into pages', () => {
  it('are self-contained and cope with a page that lacks what they look for', async () => {
    const run = async (func: (...a: never[]) => unknown, args: unknown[] = []) => (await executeScript({ func: func as never, args }))[0]!.result;
    expect(await run(collectGmailCandidates)).toEqual([]);
    expect(await run(pageTextCandidates)).toEqual(['']);
    expect(await run(pageSelection)).toBe('');
    servePage(200, '<p>Sign in</p>');
    expect(await run(fetchOriginal, ['https://mail.google.com/mail/u/0/?view=om', 'pre#raw_message_text'])).toEqual({ ok: false, problem: 'no-element' });
  });

  it('report a failed fetch as data, since an exception in a page reaches no one and a page has no locale texts', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await fetchOriginal('https://mail.google.com/x', 'pre')).toEqual({ ok: false, problem: 'fetch', detail: 'Failed to fetch' });
    servePage(404, 'not found');
    expect(await fetchOriginal('https://mail.google.com/x', 'pre')).toEqual({ ok: false, problem: 'status', status: 404 });
  });
});

describe('Gmail source', () => {
  it('reads the message in view through its "Show original" page', async () => {
    document.body.innerHTML = THREAD;
    servePage(200, '<pre id="raw_message_text">Received: from a by b\n</pre>');
    const result = await gmailSource.gather(gmailTab);
    expect(result).toMatchObject({ ok: true, raw: 'Received: from a by b\n', chosen: '1790000000000000777', source: { bytes: false } });
  });

  it('prefers the bytes of "Download Original" to the page text, which an HTML parser has read', async () => {
    document.body.innerHTML = THREAD;
    const fetch = vi.fn(async (url: string) =>
      url.includes('view=att')
        ? new Response(new Uint8Array([0x53, 0x3a, 0x20, 0xe9, 0x0d, 0x0a]))
        : new Response('<a href="?view=att&th=1&attid=0&disp=comp&safe=1&zw">Download Original</a><pre id="raw_message_text">S: \u00e9\n</pre>', {
            headers: { 'content-type': 'text/html' },
          }),
    );
    vi.stubGlobal('fetch', fetch);
    const result = await gmailSource.gather(gmailTab);
    expect(result).toMatchObject({ ok: true, raw: 'S: \xe9\r\n', source: { bytes: true } });
    expect(fetch.mock.calls[1]![0]).toBe('https://mail.google.com/mail/u/0/?view=att&th=1&attid=0&disp=comp&safe=1&zw');
  });

  it('says in words why the source did not come, without a bare status code', async () => {
    document.body.innerHTML = THREAD;
    servePage(200, '<form>Sign in to continue</form>');
    const signedOut = await gmailSource.gather(gmailTab);
    expect(signedOut.ok).toBe(false);
    expect(!signedOut.ok && signedOut.reason).toMatch(
      /did not give the message source \(the page has no pre#raw_message_text\)\. If Gmail asks you to sign in again/,
    );
    expect(!signedOut.ok && signedOut.reason).not.toContain('HTTP 200');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = await gmailSource.gather(gmailTab);
    expect(!offline.ok && offline.reason).toContain('(Failed to fetch)');
    servePage(503, 'busy');
    const refused = await gmailSource.gather(gmailTab);
    expect(!refused.ok && refused.reason).toContain('did not give the message source (HTTP 503).');
    expect(!refused.ok && refused.pasteHelp).toEqual([
      'Open the message in Gmail.',
      'Click the ⋮ (More) button next to Reply at the top right of the message.',
      'Choose "Show original"; it opens in a new tab.',
      'Click Hoplens on that tab, or click "Copy to clipboard" there and paste into Hoplens.',
    ]);
  });

  it('labels the source and each message of a thread from the locale', async () => {
    document.body.innerHTML = `${THREAD}<div data-legacy-message-id="18d7c0a5b0c0a001"></div>`;
    servePage(200, '<pre id="raw_message_text">Received: from a by b\n</pre>');
    const result = await gmailSource.gather(gmailTab, '1790000000000000777');
    expect(result).toMatchObject({
      ok: true,
      source: { kind: 'gmail', label: 'Gmail — message 1 of 2' },
      choices: [
        { id: '1790000000000000777', label: '1. Sam' },
        { id: BigInt('0x18d7c0a5b0c0a001').toString(), label: 'Message 2' },
      ],
    });
    document.body.innerHTML = THREAD;
    expect(await gmailSource.gather(gmailTab)).toMatchObject({ source: { label: 'Gmail — open message' } });
  });
});

describe('webmail requests from the page', async () => {
  const { fetchFromPage } = await import('../../../src/sources/webmail-page.js');
  const { receivedMessage } = await import('../../../src/sources/webmail-answer.js');
  const request = { url: 'https://mail.yahoo.com/ws/x', method: 'GET' as const, headers: {}, timeoutMs: 50, maxBytes: 1000 };

  it('give up after their time limit, body included, and say so', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ),
    );
    const answer = await fetchFromPage(request);
    expect(answer).toEqual({ ok: false, problem: 'timeout', detail: '50' });
    expect(receivedMessage(answer)).toEqual({ ok: false, got: 'no answer within 0 seconds' });
  });

  it('stop reading past their size limit instead of holding a huge answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('x'.repeat(5000), { status: 200, headers: { 'content-type': 'text/plain' } })),
    );
    expect(await fetchFromPage(request)).toEqual({ ok: false, problem: 'too-large', detail: '1000' });
  });

  it('do not follow a redirect, which leads to a sign-in page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 302, headers: { location: 'https://login.yahoo.com/' } })),
    );
    const answer = await fetchFromPage(request);
    expect(answer).toMatchObject({ ok: true, redirected: true });
    expect(receivedMessage(answer)).toEqual({ ok: false, got: 'a web page (a sign-in page, most likely) instead of the message' });
  });

  it('send a cookie of the page as a header only when the page has it', async () => {
    const seen: Record<string, string>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        seen.push(init.headers as Record<string, string>);
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const withCookie = {
      ...request,
      cookieHeaders: [
        { cookie: 'X-OWA-CANARY', header: 'X-OWA-CANARY' },
        { cookie: 'DefaultAnchorMailbox', header: 'X-AnchorMailbox' },
      ],
    };
    expect(await fetchFromPage(withCookie)).toMatchObject({ ok: true, cookiesSent: [] });
    // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, set as the webmail's script would
    document.cookie = 'X-OWA-CANARY=canary-value';
    expect(await fetchFromPage(withCookie)).toMatchObject({ ok: true, cookiesSent: ['X-OWA-CANARY'], text: '{}' });
    // A value that cannot stand in a header is not sent (fetch would throw on it).
    // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, set as the webmail's script would
    document.cookie = 'DefaultAnchorMailbox=caf\u00e9 x';
    expect(await fetchFromPage(withCookie)).toMatchObject({ ok: true, cookiesSent: ['X-OWA-CANARY'] });
    // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, set as the webmail's script would
    document.cookie = 'DefaultAnchorMailbox=PUID:0003BFFD8E2A1C44@00000000-0000-0000-0000-000000000001';
    expect(await fetchFromPage(withCookie)).toMatchObject({ ok: true, cookiesSent: ['X-OWA-CANARY', 'DefaultAnchorMailbox'] });
    expect(seen).toEqual([
      {},
      { 'X-OWA-CANARY': 'canary-value' },
      { 'X-OWA-CANARY': 'canary-value' },
      { 'X-OWA-CANARY': 'canary-value', 'X-AnchorMailbox': 'PUID:0003BFFD8E2A1C44@00000000-0000-0000-0000-000000000001' },
    ]);
  });
});
