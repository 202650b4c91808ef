import { t } from '../i18n.js';
import { looksLikeHeaders } from './header-text.js';
import type { PageAnswer } from './webmail-page.js';

/** Each webmail fetch gives up after this long: a hung endpoint must not hold the popup. */
export const WEBMAIL_TIMEOUT_MS = 15_000;

/** The most a webmail answer may hold: Hoplens' input limit, plus room for JSON's base64. */
export const WEBMAIL_MAX_BYTES = 56 * 1024 * 1024;

/** What came back, or what went wrong in words ("HTTP status 403", "a sign-in page"). */
export type Received = { ok: true; text: string } | { ok: false; got: string };

/** An answer of the page's endpoint that is a 200, not a redirect and not an HTML page. */
export function receivedOk(answer: PageAnswer): Received {
  if (!answer.ok) {
    switch (answer.problem) {
      case 'timeout':
        return { ok: false, got: t('webmailGotTimeout', Math.round(Number(answer.detail) / 1000)) };
      case 'too-large':
        return { ok: false, got: t('webmailGotTooLarge', Math.round(Number(answer.detail) / (1024 * 1024))) };
      case 'fetch':
        return { ok: false, got: t('webmailGotFetchError', answer.detail) };
    }
  }
  // A sign-in page: the session ran out and the endpoint redirected, or answered with HTML.
  if (answer.redirected || /^\s*text\/html/i.test(answer.contentType) || /^\s*<(!doctype|html)/i.test(answer.text.slice(0, 200))) {
    return { ok: false, got: t('webmailGotPage') };
  }
  if (answer.status !== 200) return { ok: false, got: t('webmailGotStatus', answer.status) };
  return { ok: true, text: answer.text };
}

/** A body that must be a whole mail message; anything else is named, never passed on. */
export function receivedMessage(answer: PageAnswer): Received {
  const received = receivedOk(answer);
  if (!received.ok) return received;
  return looksLikeHeaders(received.text) ? received : { ok: false, got: t('webmailGotNotMessage') };
}

/** The body's bytes (one character per byte) read as UTF-8, as JSON answers are. */
export function utf8(bytes: string): string {
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}
