import type { GmailCandidate } from './gmail-ids.js';

/*
 * These functions run inside the Gmail tab (serialised by scripting.executeScript), so each is
 * self-contained. The raw source is fetched there because only the page's own origin carries the
 * user's session, and parsed there because a service worker has no DOMParser.
 */

/** The messages of the open conversation with how much of each is in view. */
export function collectGmailCandidates(): GmailCandidate[] {
  const viewport = { w: window.innerWidth || 1, h: window.innerHeight || 1 };
  return Array.from(document.querySelectorAll<HTMLElement>('[data-message-id], [data-legacy-message-id]')).map((el) => {
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, viewport.w) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, viewport.h) - Math.max(r.top, 0));
    const area = r.width * r.height;
    const sender = el.querySelector('[email]');
    const date = el.querySelector('.g3[title]');
    const label = [sender?.getAttribute('name') || sender?.getAttribute('email'), date?.getAttribute('title')].filter(Boolean).join(', ');
    return {
      messageId: el.getAttribute('data-message-id'),
      legacyId: el.getAttribute('data-legacy-message-id'),
      visible: area > 0 ? (w * h) / area : 0,
      label,
    };
  });
}

/**
 * What came of fetching the original: the message, or why not as data (an injected function
 * cannot reach the extension's texts; the worker words it). `detail` is the browser's own message.
 * `bytes`: `text` holds the downloaded message's bytes, one character per byte; otherwise it is
 * the page element's text, which has been through an HTML parser.
 */
export type FetchedText =
  | { ok: true; text: string; bytes: boolean }
  | { ok: false; problem: 'status'; status: number }
  | { ok: false; problem: 'no-element' }
  | { ok: false; problem: 'fetch'; detail: string };

/**
 * Fetches the "Show original" page of the tab's origin with the user's cookies, then the
 * original itself through the page's "Download Original" link (a view=att address), whose bytes
 * DKIM can hash exactly; where the page offers no such link or it fails, the text of the page's
 * `selector` element. Never throws: a browser reports an injected function's exception to no one,
 * so the failure comes back as a value. Self-contained: it runs as source text in the page.
 */
export async function fetchOriginal(url: string, selector: string): Promise<FetchedText> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, problem: 'status', status: response.status };
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const links = Array.from(doc.querySelectorAll('a[href]'));
    const download =
      links.find((a) => /[?&]view=att(&|$)/.test(a.getAttribute('href') ?? '')) ?? links.find((a) => /download original/i.test(a.textContent ?? ''));
    const href = download?.getAttribute('href');
    if (href && href !== '#') {
      // Any trouble with the download leaves the page text, which still serves everything but DKIM's exactness.
      try {
        const target = new URL(href, url);
        const original = target.origin === new URL(url).origin ? await fetch(target.href, { credentials: 'include' }) : null;
        if (original?.ok) {
          const body = new Uint8Array(await original.arrayBuffer());
          let text = '';
          for (let i = 0; i < body.length; i += 0x2000) text += String.fromCharCode.apply(null, Array.from(body.subarray(i, i + 0x2000)));
          return { ok: true, text, bytes: true };
        }
      } catch {
        // The page text below.
      }
    }
    const text = doc.querySelector(selector)?.textContent;
    return text ? { ok: true, text, bytes: false } : { ok: false, problem: 'no-element' };
  } catch (error) {
    return { ok: false, problem: 'fetch', detail: error instanceof Error ? error.message : String(error) };
  }
}
