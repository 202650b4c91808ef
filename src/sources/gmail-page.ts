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
 * What came of fetching the page: its element's text, or why not as data (an injected function
 * cannot reach the extension's texts; the worker words it). `detail` is the browser's own message.
 */
export type FetchedText =
  | { ok: true; text: string }
  | { ok: false; problem: 'status'; status: number }
  | { ok: false; problem: 'no-element' }
  | { ok: false; problem: 'fetch'; detail: string };

/**
 * Fetches a page of the tab's origin with the user's cookies and returns one element's text.
 * Never throws: a browser reports an injected function's exception to no one, so the failure
 * comes back as a value.
 */
export async function fetchElementText(url: string, selector: string): Promise<FetchedText> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, problem: 'status', status: response.status };
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const text = doc.querySelector(selector)?.textContent;
    return text ? { ok: true, text } : { ok: false, problem: 'no-element' };
  } catch (error) {
    return { ok: false, problem: 'fetch', detail: error instanceof Error ? error.message : String(error) };
  }
}
