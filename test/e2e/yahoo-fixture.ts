import { readFileSync } from 'node:fs';
import { fixture } from './flows.js';

const webmail = (name: string) => readFileSync(new URL(`../fixtures/webmail/${name}`, import.meta.url), 'utf8');

/** Message ids the fixture endpoint knows; each failure id gives one shape of unexpected answer. */
export const YAHOO_IDS = {
  sample: 'AHoplensSample0000000001',
  origin27: 'AHoplensOrigin0000000027',
  signIn: 'AHoplensSignIn0000000001',
  htmlPage: 'AHoplensHtmlPage00000001',
  gone: 'AHoplensGone000000000001',
  broken: 'AHoplensBroken0000000001',
  json: 'AHoplensJson000000000001',
  notMail: 'AHoplensNotMail000000001',
} as const;

/** What the popup must say for each failure id: what Hoplens asked for, then what came back. */
export const YAHOO_TRIED = 'Hoplens asked Yahoo Mail for the raw message behind "View raw message" and got';
export const YAHOO_FAILURES: readonly (readonly [id: string, got: string])[] = [
  [YAHOO_IDS.signIn, 'a web page (a sign-in page, most likely) instead of the message'],
  [YAHOO_IDS.htmlPage, 'a web page (a sign-in page, most likely) instead of the message'],
  [YAHOO_IDS.gone, 'HTTP status 404'],
  [YAHOO_IDS.broken, 'HTTP status 500'],
  [YAHOO_IDS.json, 'text that is not a mail message'],
  [YAHOO_IDS.notMail, 'text that is not a mail message'],
];

export const YAHOO_THREAD_PATH = '/d/folders/1/messages/AHoplensThread0000000001';
export const YAHOO_INBOX_PATH = '/d/folders/1';

const RAW = /^\/ws\/v3\/mailboxes\/@\/messages\/@\.id==([A-Za-z0-9_-]+)\/content\/rawplaintext$/;

export interface FixtureAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * What the fixture Yahoo Mail (and AOL Mail, the same platform) answers for a URL of its origin:
 * the raw-message endpoint, a conversation, a message page, the inbox. Chromium serves these
 * through request routing, Firefox through a local proxy.
 */
export function yahooResponse(href: string): FixtureAnswer {
  const url = new URL(href);
  const raw = url.pathname.match(RAW)?.[1];
  if (raw !== undefined) {
    switch (raw) {
      case YAHOO_IDS.sample:
        return { status: 200, contentType: 'text/plain; charset=utf-8', body: fixture('sample-dkim.eml') };
      case YAHOO_IDS.origin27:
        return { status: 200, contentType: 'text/plain; charset=utf-8', body: fixture('origin-27.eml') };
      case YAHOO_IDS.signIn:
        return { status: 302, contentType: 'text/plain', body: '', headers: { location: 'https://login.yahoo.com/?done=https%3A%2F%2Fmail.yahoo.com' } };
      case YAHOO_IDS.htmlPage:
        return { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Sign in</title><form><input name="username"></form>' };
      case YAHOO_IDS.broken:
        return { status: 500, contentType: 'text/plain', body: 'internal error' };
      case YAHOO_IDS.json:
        return { status: 200, contentType: 'application/json', body: '{"error":{"code":"EC-4003","message":"not permitted"}}' };
      case YAHOO_IDS.notMail:
        return { status: 200, contentType: 'text/plain', body: 'This message has been deleted.\n' };
      default:
        return { status: 404, contentType: 'application/json', body: '{"error":{"code":"EC-4004","message":"not found"}}' };
    }
  }
  if (url.pathname === YAHOO_THREAD_PATH) return { status: 200, contentType: 'text/html; charset=utf-8', body: webmail('yahoo-conversation.html') };
  if (url.pathname.startsWith('/d/folders/1/messages/')) return { status: 200, contentType: 'text/html; charset=utf-8', body: webmail('yahoo-message.html') };
  return { status: 200, contentType: 'text/html', body: '<!doctype html><title>Inbox - Yahoo Mail</title><div role="main">Inbox</div>' };
}
