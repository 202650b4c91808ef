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
  timeoutMs: number;
  maxBytes: number;
}

/**
 * The answer as data: a browser reports an injected function's exception to no one, and a page
 * cannot reach the extension's texts, so the worker words it. `text` holds the body's bytes, one
 * character per byte (a raw message's bytes as they arrived, for DKIM).
 */
export type PageAnswer =
  | { ok: true; status: number; contentType: string; redirected: boolean; text: string; cookiesSent: string[] }
  | { ok: false; problem: 'timeout' | 'too-large' | 'fetch'; detail: string };

/** Fetches one URL of the page's own origin with its cookies, within a time and a size limit (body included). */
export async function fetchFromPage(request: PageRequest): Promise<PageAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
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
    // A redirect is not followed: from these endpoints it leads to a sign-in page, never to the message.
    const init: RequestInit = { method: request.method, headers, credentials: 'include', redirect: 'manual', signal: abort.signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    if (redirected) return { ok: true, status: response.status, contentType: '', redirected, text: '', cookiesSent };
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
    };
  } catch (error) {
    if (abort.signal.aborted) return { ok: false, problem: 'timeout', detail: String(request.timeoutMs) };
    return { ok: false, problem: 'fetch', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
