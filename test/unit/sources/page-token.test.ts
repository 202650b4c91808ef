// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * scripting.executeScript as browsers run it: the function travels as source text and is rebuilt
 * in the page. Every result it hands back to the extension is kept, to show what leaves the tab.
 */
const leftTheTab: unknown[] = [];
const executeScript = vi.fn(async ({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => {
  const rebuilt = new Function(`return (${func.toString()})`)() as (...a: unknown[]) => unknown;
  const result = await rebuilt(...args);
  leftTheTab.push(result);
  return [{ result }];
});
vi.mock('webextension-polyfill', async () => ({ default: { scripting: { executeScript }, i18n: (await import('../ui/fake-i18n.js')).i18n } }));
const { fetchFromPage } = await import('../../../src/sources/webmail-page.js');
const { runInTab } = await import('../../../src/sources/inject.js');
const { outlookSource } = await import('../../../src/sources/outlook.js');
const { analyze } = await import('../../../src/core/analyze.js');
const { EXPORTERS, renderSummaryText } = await import('../../../src/core/report/exporters/index.js');

type Request = Parameters<typeof fetchFromPage>[0];

const ORIGIN = 'https://outlook.office.com';
const TENANT = '00000000-0000-0000-0000-00000000e2e0';
const OTHER_TENANT = '00000000-0000-0000-0000-0000000000aa';
const ANCHOR = `PUID:0003BFFD8E2A1C44@${TENANT}`;
const CLIENT = '9199bf20-a13f-4107-85dc-02114787ef48';
/** Made-up tokens: only their form matters (RFC 6750 b64token). */
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.hoplens-unit-owa-token.c2lnbmF0dXJl';
const OTHER_TOKEN = 'eyJ0eXAiOiJKV1QifQ.hoplens-unit-other-token.c2lnbmF0dXJl';
const SERVICE = `${ORIGIN}/owa/service.svc?action=GetItem&app=Mail`;
const SPEC = { resourceHosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'], accountCookie: 'DefaultAnchorMailbox' };
const request: Request = { url: SERVICE, method: 'POST', headers: {}, body: '{}', pageToken: SPEC, timeoutMs: 5000, maxBytes: 100_000 };

const seconds = () => Math.floor(Date.now() / 1000);

/** An access token entry as MSAL.js writes it, for the account `uid` of `realm`. */
function accessToken(overrides: Record<string, unknown> = {}, uid = 'uid1'): Record<string, unknown> {
  const realm = typeof overrides.realm === 'string' ? overrides.realm : TENANT;
  return {
    homeAccountId: `${uid}.${realm}`,
    environment: 'login.microsoftonline.com',
    credentialType: 'AccessToken',
    clientId: CLIENT,
    secret: TOKEN,
    realm,
    target: 'https://outlook.office.com/.default openid profile',
    cachedAt: String(seconds()),
    expiresOn: String(seconds() + 3600),
    extendedExpiresOn: String(seconds() + 7200),
    tokenType: 'Bearer',
    ...overrides,
  };
}
/** MSAL's key of schema 0/1 (dash-separated) and of schema 2 (pipe-separated). */
const dashKey = (e: Record<string, unknown>) => `${e.homeAccountId}-login.microsoftonline.com-accesstoken-${CLIENT}-${e.realm}-${e.target}--`;
const pipeKey = (e: Record<string, unknown>) => `msal.2|${e.homeAccountId}|login.microsoftonline.com|accesstoken|${CLIENT}|${e.realm}|${e.target}||`;
const store = (entry: Record<string, unknown>, storage: Storage = localStorage, key = dashKey(entry)) => storage.setItem(key, JSON.stringify(entry));

/** The Authorization header of each request the page made. */
let sent: (string | undefined)[] = [];
function serve(answer: (authorization: string | undefined) => Response = () => new Response('{}', { status: 200 })) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const authorization = (init.headers as Record<string, string>).Authorization;
      sent.push(authorization);
      return answer(authorization);
    }),
  );
}
const run = async (r: Request = request) => runInTab(1, fetchFromPage, [r]);

beforeEach(() => {
  // happy-dom's own handle on the window, to put the page at Outlook's origin.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/mail/inbox`);
  localStorage.clear();
  sessionStorage.clear();
  // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, set as Outlook's script would
  document.cookie = `DefaultAnchorMailbox=${ANCHOR}`;
  sent = [];
  leftTheTab.length = 0;
  serve();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the page's sign-in token, found in its own storage after the click", () => {
  it('goes as a bearer token with a request to the page’s own service, and nowhere else', async () => {
    store(accessToken());
    const answer = await run();
    expect(sent).toEqual([`Bearer ${TOKEN}`]);
    expect(answer).toMatchObject({ ok: true, pageToken: 'sent' });
    expect(JSON.stringify(leftTheTab)).not.toContain(TOKEN);
    // Another origin's URL, or a request that does not ask for it: no token, and its cache is not looked at.
    expect(await run({ ...request, url: 'https://outlook.office.com.evil.example/owa/service.svc' })).not.toHaveProperty('pageToken');
    expect(await run({ ...request, pageToken: undefined })).not.toHaveProperty('pageToken');
    expect(sent.slice(1)).toEqual([undefined, undefined]);
  });

  it("is read in MSAL's key shapes, from localStorage or sessionStorage", async () => {
    store(accessToken(), sessionStorage, pipeKey(accessToken()));
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    sessionStorage.clear();
    store(accessToken({ target: 'https://outlook.office365.com/EWS.AccessAsUser.All' }), localStorage, pipeKey(accessToken()));
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    expect(sent).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('is never a token of another service, a refresh token or a proof-of-possession token', async () => {
    const others = [
      'https://graph.microsoft.com/.default openid profile',
      'https://graph.microsoft.com/Mail.Read https://outlook.office.com/Mail.Read',
      'https://outlook.office.com/search/.default',
      'https://substrate.office.com/.default',
      'https://outlook.office.com.evil.example/.default',
      'http://outlook.office.com/.default',
      'https://user@outlook.office.com/.default',
      'https://outlook.office.com:8443/.default',
      'openid profile offline_access',
      'Mail.Read',
    ];
    for (const target of others) {
      localStorage.clear();
      store(accessToken({ target }));
      expect(await run(), target).toMatchObject({ pageToken: 'other-service' });
    }
    localStorage.clear();
    const refresh = { ...accessToken(), credentialType: 'RefreshToken' };
    localStorage.setItem(`uid1.${TENANT}-login.microsoftonline.com-refreshtoken-${CLIENT}----`, JSON.stringify(refresh));
    expect(await run()).toMatchObject({ pageToken: 'none' });
    // Filed under an access token's key, it is still no access token.
    store(refresh);
    expect(await run()).toMatchObject({ pageToken: 'malformed' });
    localStorage.clear();
    store(accessToken({ tokenType: 'pop' }));
    expect(await run()).toMatchObject({ pageToken: 'malformed' });
    expect(sent.every((a) => a === undefined)).toBe(true);
  });

  it('is not sent expired, or about to expire, and the answer says which it was', async () => {
    store(accessToken({ expiresOn: String(seconds() - 10) }));
    expect(await run()).toMatchObject({ pageToken: 'expired' });
    store(accessToken({ expiresOn: seconds() + 30 }));
    expect(await run()).toMatchObject({ pageToken: 'expired' });
    // A number rather than MSAL's string is read the same; a usable one beside the expired is sent.
    store(accessToken({ expiresOn: seconds() + 3600, target: 'https://outlook.office.com/Mail.Read' }));
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    expect(sent).toEqual([undefined, undefined, `Bearer ${TOKEN}`]);
  });

  it('is not read out of an encrypted cache, and the answer says it is encrypted', async () => {
    localStorage.setItem(dashKey(accessToken()), JSON.stringify({ id: 'k1', nonce: 'bm9uY2U', data: 'ZW5jcnlwdGVk', lastUpdatedAt: '1' }));
    expect(await run()).toMatchObject({ pageToken: 'encrypted' });
    expect(await run({ ...request, pageToken: SPEC })).toMatchObject({ pageToken: 'encrypted' });
    localStorage.clear();
    expect(await run()).toMatchObject({ pageToken: 'none' });
    expect(sent.every((a) => a === undefined)).toBe(true);
  });

  it('treats what the page stores as hostile: every field checked, nothing malformed sent', async () => {
    const key = dashKey(accessToken());
    const hostile = [
      'not json',
      '[1,2]',
      '42',
      'null',
      JSON.stringify(accessToken({ secret: 7 })),
      JSON.stringify(accessToken({ secret: `${TOKEN}\r\nX-Injected: 1` })),
      JSON.stringify(accessToken({ secret: 'has spaces in it, not a b64token' })),
      JSON.stringify(accessToken({ secret: 'short' })),
      JSON.stringify(accessToken({ secret: 'a'.repeat(20_000) })),
      JSON.stringify(accessToken({ target: ['https://outlook.office.com/.default'] })),
      JSON.stringify(accessToken({ expiresOn: { valueOf: 1 } })),
      JSON.stringify(accessToken({ expiresOn: 'soon' })),
      JSON.stringify(accessToken({ expiresOn: String(seconds() + 365 * 86400) })),
      JSON.stringify(accessToken({ credentialType: undefined })),
      JSON.stringify(accessToken({ tokenType: 1 })),
      JSON.stringify({ ...accessToken(), padding: 'x'.repeat(70_000) }),
    ];
    for (const value of hostile) {
      localStorage.setItem(key, value);
      expect(await run(), value.slice(0, 60)).toMatchObject({ pageToken: 'malformed' });
    }
    expect(sent.every((a) => a === undefined)).toBe(true);
  });

  it('reads at most 2,000 keys of each storage and parses at most 100 entries', async () => {
    for (let i = 0; i < 2000; i++) localStorage.setItem(`olk-${i}`, 'x');
    store(accessToken());
    expect(await run()).toMatchObject({ pageToken: 'none' });
    localStorage.clear();
    for (let i = 0; i < 1999; i++) localStorage.setItem(`olk-${i}`, 'x');
    store(accessToken());
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    // The cap on entries parsed holds across both storages: the 100th access-token entry is the last one read.
    localStorage.clear();
    for (let i = 0; i < 99; i++) localStorage.setItem(`${i}-login.microsoftonline.com-accesstoken-${CLIENT}-x-y--`, 'not json');
    store(accessToken(), sessionStorage);
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    localStorage.setItem(`99-login.microsoftonline.com-accesstoken-${CLIENT}-x-y--`, 'not json');
    expect(await run()).toMatchObject({ pageToken: 'malformed' });
    expect(sent).toEqual([undefined, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`, undefined]);
  });

  it("belongs to the account the page's anchor mailbox names, or is not sent", async () => {
    // Two tenants: the anchor's tenant decides.
    store(accessToken({ realm: OTHER_TENANT, secret: OTHER_TOKEN }));
    store(accessToken());
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    // Several tokens of the one account: the one that lasts longest.
    store(accessToken({ target: 'https://outlook.office.com/Mail.Read', secret: OTHER_TOKEN, expiresOn: String(seconds() + 1800) }));
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    expect(sent).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    // Two accounts of the anchor's tenant: nothing tells which is this mailbox's.
    store(accessToken({ secret: OTHER_TOKEN }, 'uid2'));
    expect(await run()).toMatchObject({ pageToken: 'other-account' });
    // Only another tenant's token.
    localStorage.clear();
    store(accessToken({ realm: OTHER_TENANT, secret: OTHER_TOKEN }));
    expect(await run()).toMatchObject({ pageToken: 'other-account' });
    // Without an anchor cookie, one account's token is taken.
    // biome-ignore lint/suspicious/noDocumentCookie: the page's own cookie, removed
    document.cookie = 'DefaultAnchorMailbox=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(await run()).toMatchObject({ pageToken: 'sent' });
    expect(sent.slice(2)).toEqual([undefined, undefined, `Bearer ${OTHER_TOKEN}`]);
  });

  it('copes with storage that throws, and never puts the token in an error', async () => {
    // A page may make a storage throw (or a browser setting may): the other is still read.
    store(accessToken(), sessionStorage);
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).toThrow('denied');
      expect(await run()).toMatchObject({ pageToken: 'sent' });
    } finally {
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
    expect(sent).toEqual([`Bearer ${TOKEN}`]);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        throw new TypeError(`refused header ${(init.headers as Record<string, string>).Authorization}`);
      }),
    );
    const answer = await run();
    expect(answer).toMatchObject({ ok: false, problem: 'fetch' });
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });
});

describe('Outlook on the web with a mailbox that takes the page’s token only', () => {
  const ITEM = 'AAMkAGhvcGxlbnMtc2FtcGxlLTAwMDEAAAAAAAA=';
  const tab = { tabId: 3, url: new URL(`${ORIGIN}/mail/inbox/id/${encodeURIComponent(ITEM)}`), mailClient: false };
  const raw = readFileSync(resolve(import.meta.dirname, '../../e2e/fixtures/sample-dkim.eml'), 'latin1');
  const mime = () =>
    new Response(
      JSON.stringify({
        Body: { ResponseMessages: { Items: [{ ResponseClass: 'Success', ResponseCode: 'NoError', Items: [{ MimeContent: { Value: btoa(raw) } }] }] } },
      }),
      { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } },
    );
  const bearerOnly = (authorization: string | undefined) => (authorization === `Bearer ${TOKEN}` ? mime() : new Response('', { status: 401 }));

  it('reads the message with it, and the token is in nothing that leaves the tab, the report or an export', async () => {
    store(accessToken());
    serve(bearerOnly);
    const result = await outlookSource.gather(tab);
    expect(result).toMatchObject({ ok: true, source: { label: 'Outlook on the web — MIME of the open message' } });
    expect(sent).toEqual([`Bearer ${TOKEN}`]);
    expect(JSON.stringify(leftTheTab)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    const report = await analyze(result.ok ? result.raw : '');
    const outputs = [JSON.stringify(report), renderSummaryText(report), ...EXPORTERS.map((e) => e.render(report))];
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  });

  it('says, when the mailbox refuses, whether the token went along and if not why not', async () => {
    serve(bearerOnly);
    store(accessToken({ expiresOn: String(seconds() - 60) }));
    const expired = await outlookSource.gather(tab);
    expect(expired.ok).toBe(false);
    expect(!expired.ok && expired.reason).toContain(
      "got HTTP status 401 (the session ran out, or this mailbox takes the page's requests only with the page's sign-in token, and Hoplens found no sign-in token of the page's that it can use: the one for Outlook has expired (reloading the page renews it))",
    );
    localStorage.clear();
    const none = await outlookSource.gather(tab);
    expect(!none.ok && none.reason).toContain("found no sign-in token of the page's that it can use: the page's storage holds none");
    store(accessToken());
    serve(() => new Response('', { status: 440 }));
    const refused = await outlookSource.gather(tab);
    expect(!refused.ok && refused.reason).toContain("got HTTP status 440 (the mailbox refused the page's own sign-in token");
    expect(JSON.stringify([expired, none, refused, leftTheTab])).not.toContain(TOKEN);
  });
});
