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
  origin27: 'AAMkAGhvcGxlbnMtb3JpZ2luMjctMDA5AAAAAAA=',
  /** At OUTLOOK_TOKEN_HOST: the page whose sign-in cache holds only an expired token. */
  tokenExpired: 'AAMkAGhvcGxlbnMtdG9rZW5leHAtMDEwAAAAAAA=',
} as const;

/**
 * Conversation ids ("AAQk…"), which the reading pane's address holds when conversations are on.
 * `thread`'s page is outlook-conversation.html (two message views, the newer in view); the
 * others' is outlook-message.html, which shows no message view Hoplens can match.
 */
export const OUTLOOK_CONVERSATIONS = {
  thread: 'AAQkAGhvcGxlbnMtdGhyZWFkLTAwMDEAAAAAAAA=',
  unplaced: 'AAQkAGhvcGxlbnMtdW5wbGFjZWQtMDAyAAAAAAA=',
  expired: 'AAQkAGhvcGxlbnMtZXhwaXJlZC0wMDMAAAAAAAA=',
  signIn: 'AAQkAGhvcGxlbnMtc2lnbmluLTAwMDQAAAAAAAA=',
  shape: 'AAQkAGhvcGxlbnMtc2hhcGUtMDAwMDUAAAAAAAA=',
  empty: 'AAQkAGhvcGxlbnMtZW1wdHktMDAwMDYAAAAAAAA=',
  gone: 'AAQkAGhvcGxlbnMtZ29uZS0wMDAwMDcAAAAAAAA=',
} as const;

/** The conversation's two messages, as the fixture GetConversationItems lists them (oldest first). */
export const OUTLOOK_THREAD = [
  { id: OUTLOOK_IDS.origin27, from: 'Other Sender', received: '2026-11-29T08:00:00Z', label: '1. Other Sender, 2026-11-29 08:00:00 UTC' },
  { id: OUTLOOK_IDS.sample, from: 'Sam Admin', received: '2026-11-30T09:00:00Z', label: '2. Sam Admin, 2026-11-30 09:00:00 UTC' },
] as const;

/** What the popup must say for each failing conversation, after "Hoplens asked Outlook on the web for …". */
export const OUTLOOK_CONVERSATION_TRIED = 'Hoplens asked Outlook on the web for the messages of the open conversation (GetConversationItems) and got';
export const OUTLOOK_CONVERSATION_FAILURES: readonly (readonly [id: string, got: string])[] = [
  [OUTLOOK_CONVERSATIONS.expired, 'HTTP status 440 (the session ran out, or this mailbox takes the page'],
  [OUTLOOK_CONVERSATIONS.signIn, 'a web page (a sign-in page, most likely) instead of the message'],
  [OUTLOOK_CONVERSATIONS.shape, 'JSON of another shape (no Conversation.ConversationNodes)'],
  [OUTLOOK_CONVERSATIONS.empty, 'a conversation without a message Hoplens can ask for'],
  [OUTLOOK_CONVERSATIONS.gone, 'the error ErrorItemNotFound'],
];

export const outlookMessagePath = (id: string) => `/mail/0/inbox/id/${encodeURIComponent(id)}`;
/** Microsoft 365's form of the address (no account number). */
export const outlookBusinessPath = (id: string) => `/mail/inbox/id/${encodeURIComponent(id)}`;
export const OUTLOOK_CANARY = 'e2e-canary.value_1';
const TENANT = '00000000-0000-0000-0000-00000000e2e0';
/** A Microsoft 365 anchor mailbox as its cookie holds it: PUID:<user's id>@<tenant id> (made-up ids). */
export const OUTLOOK_ANCHOR = `PUID:0003BFFD8E2A1C44@${TENANT}`;

/**
 * The origin of the mailbox that takes the page's sign-in token only (outlook-msal-cache.html): its
 * service endpoint answers 401 to every request without OUTLOOK_TOKEN as its bearer. Its own
 * origin, so that the cache its page writes is seen by no other test.
 */
export const OUTLOOK_TOKEN_HOST = 'outlook.cloud.microsoft';
/**
 * An organisation's own Exchange server (made-up host): Outlook on the web under /owa/. Its page
 * writes the same sign-in cache as OUTLOOK_TOKEN_HOST's, which must never be sent from here.
 */
export const EXCHANGE_HOST = 'mail.example.com';
/** The address of a message open in its own window, as EWS's WebClientReadFormQueryString gives it. */
export const exchangeMessagePath = (id: string) => `/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`;

/** Made-up tokens in the page's cache: the Outlook resource's, and Microsoft Graph's, which must never be sent. */
export const OUTLOOK_TOKEN = 'eyJ0eXAiOiJKV1QifQ.hoplens-e2e-outlook-token.c2lnbmF0dXJl';
export const OUTLOOK_GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.hoplens-e2e-graph-token.c2lnbmF0dXJl';
/** What the popup says when the cache holds only an expired token and the mailbox refuses. */
export const OUTLOOK_TOKEN_EXPIRED_SAID =
  "HTTP status 401 (the session ran out, or this mailbox takes the page's requests only with the page's sign-in token, and Hoplens found no sign-in token of the page's that it can use: the one for Outlook has expired (reloading the page renews it))";

/** What the popup must say for each failure id, after "Hoplens asked Outlook on the web for …". */
export const OUTLOOK_FAILURES: readonly (readonly [id: string, said: string])[] = [
  [
    OUTLOOK_IDS.expired,
    "the MIME content of the open message (GetItem) and got HTTP status 440 (the session ran out, or this mailbox takes the page's requests only with the page's sign-in token, and Hoplens found no sign-in token of the page's that it can use: the page's storage holds none)",
  ],
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

const conversation = (items: readonly { id: string; from: string; received: string }[]) =>
  answer({
    __type: 'GetConversationItemsResponseMessage:#Exchange',
    ResponseCode: 'NoError',
    ResponseClass: 'Success',
    Conversation: {
      __type: 'ConversationResponseType:#Exchange',
      ConversationNodes: items.map((item) => ({
        __type: 'ConversationNode:#Exchange',
        Items: [
          {
            __type: 'Message:#Exchange',
            ItemId: { __type: 'ItemId:#Exchange', Id: item.id, ChangeKey: 'CQAAAA==' },
            From: { Mailbox: { Name: item.from, EmailAddress: `${item.from.split(' ')[0]!.toLowerCase()}@example.com` } },
            DateTimeReceived: item.received,
          },
        ],
      })),
    },
  });

/** GetConversationItems of the fixture service, by conversation id. */
function conversationResponse(id: string | undefined): FixtureAnswer {
  switch (id) {
    case OUTLOOK_CONVERSATIONS.thread:
    case OUTLOOK_CONVERSATIONS.unplaced:
      return conversation(OUTLOOK_THREAD);
    case OUTLOOK_CONVERSATIONS.expired:
      return { status: 440, contentType: 'text/plain', body: '' };
    case OUTLOOK_CONVERSATIONS.signIn:
      return { status: 302, contentType: 'text/plain', body: '', headers: { location: 'https://login.microsoftonline.com/' } };
    case OUTLOOK_CONVERSATIONS.shape:
      return success({ Subject: 'not a conversation' });
    case OUTLOOK_CONVERSATIONS.empty:
      return conversation([]);
    default:
      return error('ErrorItemNotFound');
  }
}

/** The service call's JSON body, as far as the fixture reads it. */
export interface ServiceBody {
  Body?: {
    ItemIds?: { Id?: string }[];
    Conversations?: { ConversationId?: { Id?: string } }[];
    ShapeName?: string;
    ItemShape?: { IncludeMimeContent?: boolean };
  };
}

/**
 * What the fixture Outlook on the web answers at its origin: the service endpoint's GetItem
 * (MIME, or with ShapeName "MessageDetails" the internet headers) and GetConversationItems (by
 * the Action header, as OWA's endpoint reads it), and the mail pages. At OUTLOOK_TOKEN_HOST
 * the endpoint takes only requests whose Authorization is the page's Outlook token.
 */
export function outlookResponse(href: string, method: string, body: string, action = '', authorization = ''): FixtureAnswer {
  const url = new URL(href);
  const tokenOnly = url.hostname === OUTLOOK_TOKEN_HOST;
  if (url.pathname === '/owa/service.svc') {
    if (method !== 'POST') return { status: 405, contentType: 'text/plain', body: '' };
    if (tokenOnly && authorization !== `Bearer ${OUTLOOK_TOKEN}`) return { status: 401, contentType: 'text/plain', body: '' };
    let request: ServiceBody;
    try {
      request = JSON.parse(body);
    } catch {
      return { status: 400, contentType: 'text/plain', body: 'bad request' };
    }
    if (action === 'GetConversationItems') return conversationResponse(request.Body?.Conversations?.[0]?.ConversationId?.Id);
    if (action !== 'GetItem') return { status: 400, contentType: 'text/plain', body: 'unknown action' };
    const id = request.Body?.ItemIds?.[0]?.Id;
    const details = request.Body?.ShapeName === 'MessageDetails';
    switch (id) {
      case OUTLOOK_IDS.sample:
        return mime(fixture('sample-dkim.eml'));
      case OUTLOOK_IDS.origin27:
        return mime(fixture('origin-27.eml'));
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
  const thread = url.pathname.endsWith(encodeURIComponent(OUTLOOK_CONVERSATIONS.thread));
  const exchange = url.hostname === EXCHANGE_HOST && url.pathname === '/owa/';
  if ((url.pathname.startsWith('/mail/') && tokenOnly) || exchange) {
    const cache = url.pathname.endsWith(encodeURIComponent(OUTLOOK_IDS.tokenExpired)) ? 'expired' : 'valid';
    const script = webmail('outlook-msal-cache.html')
      .replaceAll('{{CACHE}}', cache)
      .replaceAll('{{TENANT}}', TENANT)
      .replaceAll('{{TOKEN}}', OUTLOOK_TOKEN)
      .replaceAll('{{GRAPH_TOKEN}}', OUTLOOK_GRAPH_TOKEN);
    const page = webmail(thread ? 'outlook-conversation.html' : 'outlook-message.html');
    return { status: 200, contentType: 'text/html; charset=utf-8', body: page.replace('</head>', `${script}</head>`) };
  }
  if (url.pathname.startsWith('/mail/')) {
    const page = thread ? 'outlook-conversation.html' : 'outlook-message.html';
    return { status: 200, contentType: 'text/html; charset=utf-8', body: webmail(page) };
  }
  return { status: 404, contentType: 'text/plain', body: 'not found' };
}
