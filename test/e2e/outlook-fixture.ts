import { readFileSync } from 'node:fs';
import { fixture } from './flows.js';
import type { FixtureAnswer } from './yahoo-fixture.js';

const webmail = (name: string) => readFileSync(new URL(`../fixtures/webmail/${name}`, import.meta.url), 'utf8');

/** Item ids the fixture service knows (base64 of made-up bytes, "AAMk…" as Exchange item ids begin). */
export const OUTLOOK_IDS = {
  sample: 'AAMkAGhvcGxlbnMtc2FtcGxlLTAwMDEAAAAAAAA=',
  headersOnly: 'AAMkAGhvcGxlbnMtaGVhZGVycy0wMDIAAAAAAAA=',
  expired: 'AAMkAGhvcGxlbnMtZXhwaXJlZC0wMDMAAAAAAAA=',
  signIn: 'AAMkAGhvcGxlbnMtc2lnbmluLTAwMDQAAAAAAAA=',
  broken: 'AAMkAGhvcGxlbnMtYnJva2VuLTAwMDUAAAAAAAA=',
  shape: 'AAMkAGhvcGxlbnMtc2hhcGUtMDAwMDYAAAAAAAA=',
  notMail: 'AAMkAGhvcGxlbnMtbm90bWFpbC0wMDcAAAAAAAA=',
  nothing: 'AAMkAGhvcGxlbnMtbm90aGluZy0wMDgAAAAAAAA=',
} as const;

/** A conversation id ("AAQk…"), which the reading pane's address holds when conversations are on. */
export const OUTLOOK_CONVERSATION_ID = 'AAQkAGhvcGxlbnMtY29udmVyc2F0aW9uAAAAAAA=';
export const OUTLOOK_CANARY = 'e2e-canary.value_1';

export const outlookMessagePath = (id: string) => `/mail/0/inbox/id/${encodeURIComponent(id)}`;

/** What the popup must say for each failure id, after "Hoplens asked Outlook on the web for …". */
export const OUTLOOK_FAILURES: readonly (readonly [id: string, said: string])[] = [
  [OUTLOOK_IDS.expired, 'the MIME content of the open message (GetItem) and got HTTP status 440'],
  [OUTLOOK_IDS.signIn, 'the MIME content of the open message (GetItem) and got a web page (a sign-in page, most likely) instead of the message'],
  [OUTLOOK_IDS.broken, 'the MIME content of the open message (GetItem) and got HTTP status 500'],
  [OUTLOOK_IDS.shape, 'the MIME content of the open message (GetItem) and got JSON of another shape (no Body.ResponseMessages.Items)'],
  [OUTLOOK_IDS.notMail, 'the MIME content of the open message (GetItem) and got text that is not a mail message'],
  [
    OUTLOOK_IDS.nothing,
    'the MIME content of the open message (GetItem) and got the error ErrorItemNotFound, then for its internet headers (as "View message details" does) and got the error ErrorItemNotFound',
  ],
];

const json = (value: unknown): FixtureAnswer => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });
const answer = (first: unknown) => json({ Header: {}, Body: { ResponseMessages: { Items: [first] } } });
const success = (item: Record<string, unknown>) =>
  answer({ __type: 'ItemInfoResponseMessage:#Exchange', ResponseCode: 'NoError', ResponseClass: 'Success', Items: [{ __type: 'Message:#Exchange', ...item }] });
const error = (code: string) => answer({ __type: 'ItemInfoResponseMessage:#Exchange', ResponseCode: code, ResponseClass: 'Error', Items: [] });
const mime = (raw: string) => success({ MimeContent: { CharacterSet: 'UTF-8', Value: Buffer.from(raw, 'latin1').toString('base64') } });
const headerBlock = (raw: string) => raw.slice(0, raw.search(/\r?\n\r?\n/) + 1);

/**
 * What the fixture Outlook on the web answers at its origin: the service endpoint's GetItem
 * (MIME, or with ShapeName "MessageDetails" the internet headers), and the mail pages.
 */
export function outlookResponse(href: string, method: string, body: string): FixtureAnswer {
  const url = new URL(href);
  if (url.pathname === '/owa/service.svc') {
    if (method !== 'POST') return { status: 405, contentType: 'text/plain', body: '' };
    let request: { Body?: { ItemIds?: { Id?: string }[]; ShapeName?: string; ItemShape?: { IncludeMimeContent?: boolean } } };
    try {
      request = JSON.parse(body);
    } catch {
      return { status: 400, contentType: 'text/plain', body: 'bad request' };
    }
    const id = request.Body?.ItemIds?.[0]?.Id;
    const details = request.Body?.ShapeName === 'MessageDetails';
    switch (id) {
      case OUTLOOK_IDS.sample:
        return mime(fixture('sample-dkim.eml'));
      case OUTLOOK_IDS.headersOnly:
        return details
          ? success({ ExtendedProperty: [{ ExtendedFieldURI: { PropertyTag: '0x7d', PropertyType: 'String' }, Value: headerBlock(fixture('origin-27.eml')) }] })
          : error('ErrorAccessDenied');
      case OUTLOOK_IDS.expired:
        return { status: 440, contentType: 'text/plain', body: '' };
      case OUTLOOK_IDS.signIn:
        return { status: 302, contentType: 'text/plain', body: '', headers: { location: 'https://login.microsoftonline.com/' } };
      case OUTLOOK_IDS.broken:
        return { status: 500, contentType: 'text/plain', body: 'error' };
      case OUTLOOK_IDS.shape:
        return json({ error: { code: 'unexpected' } });
      case OUTLOOK_IDS.notMail:
        return mime('Hello, this is no message.\n');
      default:
        return error('ErrorItemNotFound');
    }
  }
  if (url.pathname.startsWith('/mail/')) return { status: 200, contentType: 'text/html; charset=utf-8', body: webmail('outlook-message.html') };
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}
