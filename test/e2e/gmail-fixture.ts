import { readFileSync } from 'node:fs';
import { fixture } from './flows.js';

const webmail = (name: string) => readFileSync(new URL(`../fixtures/webmail/${name}`, import.meta.url), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The two messages of the fixture thread, by Gmail's decimal id. The newer is the sample as
 * python3-dkim's dkimsign signed it twice (RSA and Ed25519, keys in the BIND test zone), so that
 * each client verifies both signatures from the downloaded original.
 */
const MESSAGES: Record<string, string> = {
  '1790000000000000001': fixture('origin-27.eml'),
  '1790000000000000777': fixture('sample-dkim.eml'),
};

export const INBOX_ONLY_PATH = '/mail/u/0/inbox-only';

/**
 * What the fixture Gmail answers for a URL on https://mail.google.com: "Show original" pages for
 * the thread's two messages, an inbox with no message open, and the thread page otherwise. Every
 * client's Gmail test serves these same pages (Chromium through request routing, Firefox through
 * a local proxy).
 */
export function gmailResponse(href: string): { status: number; contentType: string; body: string } {
  const url = new URL(href);
  const view = url.searchParams.get('view');
  if (view === 'om' || view === 'att') {
    const id = url.searchParams.get('permmsgid')?.replace(/^msg-f:/, '') ?? '';
    const raw = MESSAGES[id];
    if (!raw) return { status: 404, contentType: 'text/plain', body: 'not found' };
    // "Download Original": the message itself (ASCII here, so a string body holds its bytes).
    if (view === 'att') return { status: 200, contentType: 'message/rfc822', body: raw };
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: webmail('gmail-original.html').replace('{{RAW}}', escapeHtml(raw)).replace('{{ID}}', id),
    };
  }
  if (url.pathname === INBOX_ONLY_PATH) {
    return { status: 200, contentType: 'text/html', body: '<!doctype html><title>Inbox</title><div role="main">Inbox</div>' };
  }
  return { status: 200, contentType: 'text/html; charset=utf-8', body: webmail('gmail-thread.html') };
}

/** The "Download Original" request for the sample message, which the "Show original" page links. */
export const SAMPLE_DOWNLOAD_URL = 'https://mail.google.com/mail/u/0/?view=att&permmsgid=msg-f:1790000000000000777&attid=0&disp=comp&safe=1&zw';

/** The "Show original" request for the sample message, as the extension must make it. */
export const SAMPLE_ORIGINAL_URL = 'https://mail.google.com/mail/u/0/?view=om&permmsgid=msg-f%3A1790000000000000777';
