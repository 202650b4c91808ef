/*
 * Functions that run inside a webmail tab (serialised by scripting.executeScript), so each is
 * self-contained: only its arguments and the page's globals. They run there because only the
 * page's own origin carries the user's session, and only after the toolbar click (activeTab).
 */

/** One message view on the page, as its DOM describes it. */
export interface MessageView {
  /** Message ids this view names: attribute values and ids in its links, in that order. */
  ids: string[];
  /** Share of the viewport the view fills, 0..1: the message being read fills the screen, a collapsed one a strip. */
  visible: number;
  /** Sender and date as the page shows them, for the chooser. */
  label: string;
}

/** What to look for: the message views, where each names its id, and what labels it. */
export interface ViewSpec {
  selector: string;
  attributes: string[];
  /** Regular expression (source text) whose first group is a message id in a link's href; none where links name no message. */
  linkId?: string;
  labelSelectors: string[];
}

/** The message views on screen, in page order. Caps what it reads: a hostile page may hold thousands. */
export function collectMessageViews(spec: ViewSpec): MessageView[] {
  const viewport = { w: window.innerWidth || 1, h: window.innerHeight || 1 };
  const linkId = spec.linkId === undefined ? null : new RegExp(spec.linkId);
  return Array.from(document.querySelectorAll<HTMLElement>(spec.selector))
    .slice(0, 200)
    .map((el) => {
      const r = el.getBoundingClientRect();
      const w = Math.max(0, Math.min(r.right, viewport.w) - Math.max(r.left, 0));
      const h = Math.max(0, Math.min(r.bottom, viewport.h) - Math.max(r.top, 0));
      const ids: string[] = [];
      for (const name of spec.attributes) {
        const value = el.getAttribute(name);
        if (value) ids.push(value);
      }
      if (linkId) {
        for (const a of Array.from(el.querySelectorAll('a[href]')).slice(0, 50)) {
          const found = (a.getAttribute('href') ?? '').match(linkId)?.[1];
          if (found) ids.push(found);
        }
      }
      const label = spec.labelSelectors
        .map((s) => el.querySelector(s)?.textContent?.trim().slice(0, 200) ?? '')
        .filter(Boolean)
        .join(', ');
      return { ids: ids.slice(0, 10), visible: (w * h) / (viewport.w * viewport.h), label };
    });
}

/** A request made from the page, with the page's cookies. */
export interface PageRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /**
   * Cookies of the page whose values go into request headers (OWA's canary, its anchor mailbox),
   * each only when the page has it and its value can stand in a header.
   */
  cookieHeaders?: { cookie: string; header: string }[];
  /** Send the page's own sign-in token for this service, as the page's requests carry it (docs/webmail-routes.md). */
  pageToken?: PageTokenSpec;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Which of the access tokens in the page's sign-in cache (MSAL.js, in the page's localStorage or
 * sessionStorage) may go with a request: a bearer token for the request's own service, unexpired,
 * of the account the request is for. Refresh tokens, ID tokens and tokens for any other service are
 * never taken.
 */
export interface PageTokenSpec {
  /** Hosts of the resource whose token the service takes (a scope such as https://outlook.office.com/.default). */
  resourceHosts: string[];
  /** The page's cookie naming the account the request is for, `<kind>:<user>@<tenant id>`: tokens of that tenant only. */
  accountCookie: string;
}

/**
 * What became of the page's token, in words the worker can say; never the token itself.
 * `sent`: one went with the request. Otherwise none did, and: `none` the cache holds no access
 * token; `encrypted` the page keeps its tokens encrypted; `expired` the service's token has
 * expired; `other-service` the tokens are for other services only; `other-account` for another
 * account than the request's, or for several accounts with nothing to tell them apart;
 * `malformed` what the cache holds is not of a form Hoplens accepts.
 */
export type PageTokenOutcome = 'sent' | 'none' | 'encrypted' | 'expired' | 'other-service' | 'other-account' | 'malformed';

/**
 * The answer as data: a browser reports an injected function's exception to no one, and a page
 * cannot reach the extension's texts, so the worker words it. `text` holds the body's bytes, one
 * character per byte (a raw message's bytes as they arrived, for DKIM).
 */
export type PageAnswer =
  | { ok: true; status: number; contentType: string; redirected: boolean; text: string; cookiesSent: string[]; pageToken?: PageTokenOutcome }
  | { ok: false; problem: 'timeout' | 'too-large' | 'fetch'; detail: string };

/**
 * Fetches one URL of the page's own origin with its cookies, within a time and a size limit (body
 * included). With `pageToken`, and only for a URL of the page's own origin, it also sends the
 * page's sign-in token for that service as `Authorization: Bearer`, as the page's own requests do:
 * the token is read here, in the tab, at the click, and goes nowhere but into that one request's
 * header (not into the answer, not into any message to the extension).
 */
export async function fetchFromPage(request: PageRequest): Promise<PageAnswer> {
  /**
   * The page's access token for the spec's service, or why there is none. Storage is the page's
   * to write: every read is capped (keys scanned, entries parsed, value length), every field
   * type-checked. MSAL.js keys an access token `…-accesstoken-<client>-<realm>-<target>…` (schema
   * 0 and 1) or `msal.2|…|accesstoken|<client>|<realm>|<target>|…` (schema 2), its value JSON with
   * `credentialType`, `secret`, `target`, `expiresOn` (seconds), `realm` and `homeAccountId`;
   * an encrypted cache (msal-browser 4 and later, without "Keep me signed in") holds
   * `{ id, nonce, data }` instead.
   */
  function pageToken(spec: PageTokenSpec, cookies: string[]): { outcome: PageTokenOutcome; secret?: string } {
    const now = Date.now() / 1000;
    const found = new Set<PageTokenOutcome>();
    const usable: { secret: string; realm: string; account: string; expires: number }[] = [];
    const hosts = spec.resourceHosts.map((h) => h.toLowerCase());
    // The service's own resource only (`https://<host>/<scope>`), beside sign-in scopes; a target naming any other resource is another service's token.
    const forService = (target: string) => {
      const scopes = target.split(/\s+/).filter(Boolean).slice(0, 50);
      let resource = false;
      for (const scope of scopes) {
        if (/^(openid|profile|offline_access|email)$/i.test(scope)) continue;
        let url: URL;
        try {
          url = new URL(scope);
        } catch {
          return false;
        }
        if (url.protocol !== 'https:' || url.username || url.password || url.port || url.search || url.hash) return false;
        if (!hosts.includes(url.hostname) || !/^\/[^/]+$/.test(url.pathname)) return false;
        resource = true;
      }
      return resource;
    };
    let parsed = 0;
    for (const name of ['localStorage', 'sessionStorage'] as const) {
      let storage: Storage;
      let count: number;
      try {
        storage = window[name];
        count = Math.min(storage.length, 2000);
      } catch {
        continue;
      }
      for (let i = 0; i < count && parsed < 100; i++) {
        let key: string | null;
        let value: string | null;
        try {
          key = storage.key(i);
          if (!key || key.length > 2048 || !/(^|[-|.])accesstoken([-|.]|$)/i.test(key)) continue;
          value = storage.getItem(key);
        } catch {
          continue;
        }
        parsed++;
        if (!value || value.length > 65536) {
          found.add('malformed');
          continue;
        }
        let entry: unknown;
        try {
          entry = JSON.parse(value);
        } catch {
          found.add('malformed');
          continue;
        }
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          found.add('malformed');
          continue;
        }
        const e = entry as Record<string, unknown>;
        if (typeof e.secret !== 'string') {
          found.add(typeof e.id === 'string' && typeof e.nonce === 'string' && typeof e.data === 'string' ? 'encrypted' : 'malformed');
          continue;
        }
        // Proof-of-possession tokens (tokenType "pop", "dpop") are not bearer tokens: sent as one they would be refused.
        const bearer = e.tokenType === undefined || (typeof e.tokenType === 'string' && /^bearer$/i.test(e.tokenType));
        if (typeof e.credentialType !== 'string' || !/^accesstoken$/i.test(e.credentialType) || !bearer) {
          found.add('malformed');
          continue;
        }
        if (typeof e.target !== 'string' || !forService(e.target)) {
          found.add(typeof e.target === 'string' ? 'other-service' : 'malformed');
          continue;
        }
        const expires = typeof e.expiresOn === 'string' && /^\d{1,12}$/.test(e.expiresOn) ? Number(e.expiresOn) : e.expiresOn;
        // Access tokens live about an hour (a day at most); a week away is no expiry MSAL wrote.
        if (typeof expires !== 'number' || !Number.isFinite(expires) || expires > now + 7 * 86400) {
          found.add('malformed');
          continue;
        }
        // A minute's margin: the request may take its whole time limit.
        if (expires < now + 60) {
          found.add('expired');
          continue;
        }
        // RFC 6750 §2.1: b64token; anything else cannot stand in the header.
        if (!/^[A-Za-z0-9\-._~+/]{16,16384}=*$/.test(e.secret)) {
          found.add('malformed');
          continue;
        }
        usable.push({
          secret: e.secret,
          realm: typeof e.realm === 'string' ? e.realm.toLowerCase() : '',
          account: typeof e.homeAccountId === 'string' ? e.homeAccountId : '',
          expires,
        });
      }
    }
    if (usable.length > 0) {
      // The account cookie's tenant (PUID:<user>@<tenant id>) is the token's realm (MSAL's tenant id).
      const pair = cookies.find((c) => c.slice(0, c.indexOf('=')) === spec.accountCookie);
      const tenant = pair
        ?.slice(pair.indexOf('=') + 1)
        .match(/@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)?.[1]
        ?.toLowerCase();
      const mine = tenant === undefined ? usable : usable.filter((u) => u.realm === tenant);
      if (mine.length > 0 && new Set(mine.map((u) => u.account)).size === 1) {
        const latest = mine.reduce((a, b) => (b.expires > a.expires ? b : a));
        return { outcome: 'sent', secret: latest.secret };
      }
      return { outcome: 'other-account' };
    }
    for (const outcome of ['expired', 'encrypted', 'other-service', 'malformed'] as const) if (found.has(outcome)) return { outcome };
    return { outcome: 'none' };
  }

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  let secret: string | undefined;
  try {
    const headers: Record<string, string> = { ...request.headers };
    const cookiesSent: string[] = [];
    const pairs = document.cookie.split(';').map((c) => c.trim());
    for (const { cookie, header } of request.cookieHeaders ?? []) {
      const pair = pairs.find((c) => c.slice(0, c.indexOf('=')) === cookie);
      const value = pair?.slice(pair.indexOf('=') + 1);
      // Printable ASCII only: anything else is no header value, and fetch would throw on it.
      if (value === undefined || !/^[\x21-\x7e]{1,1024}$/.test(value)) continue;
      headers[header] = value;
      cookiesSent.push(cookie);
    }
    let tokenOutcome: PageTokenOutcome | undefined;
    if (request.pageToken && new URL(request.url, location.href).origin === location.origin) {
      const token = pageToken(request.pageToken, pairs);
      tokenOutcome = token.outcome;
      secret = token.secret;
      if (secret !== undefined) headers.Authorization = `Bearer ${secret}`;
    }
    const withToken = tokenOutcome === undefined ? {} : { pageToken: tokenOutcome };
    // A redirect is not followed: from these endpoints it leads to a sign-in page, never to the message.
    const init: RequestInit = { method: request.method, headers, credentials: 'include', redirect: 'manual', signal: abort.signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    if (redirected) return { ok: true, status: response.status, contentType: '', redirected, text: '', cookiesSent, ...withToken };
    const reader = response.body?.getReader();
    let text = '';
    let size = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > request.maxBytes) {
        await reader.cancel();
        return { ok: false, problem: 'too-large', detail: String(request.maxBytes) };
      }
      for (let i = 0; i < value.length; i += 0x2000) text += String.fromCharCode.apply(null, Array.from(value.subarray(i, i + 0x2000)));
    }
    return {
      ok: true,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      redirected,
      text,
      cookiesSent,
      ...withToken,
    };
  } catch (error) {
    if (abort.signal.aborted) return { ok: false, problem: 'timeout', detail: String(request.timeoutMs) };
    const detail = error instanceof Error ? error.message : String(error);
    // The browser's words for a failed request name no header value, but the token must not leave the tab even if one did.
    return { ok: false, problem: 'fetch', detail: secret === undefined ? detail : detail.split(secret).join('…') };
  } finally {
    clearTimeout(timer);
  }
}
