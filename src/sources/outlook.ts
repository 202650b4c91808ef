import type { GatherResult, MessageChoice } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { choicesOf } from './choices.js';
import { looksLikeHeaders } from './header-text.js';
import { pickInView } from './in-view.js';
import { injectionRefused, runInTab } from './inject.js';
import {
  CONVERSATION_VIEWS,
  type ConversationItem,
  conversationItemsOf,
  conversationItemsRequest,
  conversationMessages,
  isObject,
} from './outlook-conversation.js';
import { readShownHeaders } from './page.js';
import { type ServiceCallBase, serviceRequest } from './outlook-service.js';
import type { MessageSource } from './types.js';
import { receivedOk, utf8, WEBMAIL_MAX_BYTES, WEBMAIL_TIMEOUT_MS } from './webmail-answer.js';
import { collectMessageViews, fetchFromPage, type MessageView, type PageAnswer, type PageRequest, type PageTokenOutcome } from './webmail-page.js';

/** An Exchange item id as OWA's addresses carry it (base64, "AAMk…"), percent-decoded. */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{20,1024}$/;

/** An item id as an address carries it, percent-encoded; null unless it decodes to an Exchange id. */
export function itemIdOf(encoded: string | undefined): string | null {
  // Bounded before decoding: a page's address is the page's to write.
  if (!encoded || encoded.length > 4096) return null;
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return ITEM_ID.test(id) ? id : null;
}

/**
 * The open item's id in the tab's address: /mail/inbox/id/<id> (Microsoft 365) or
 * /mail/0/inbox/id/<id> (Outlook.com). Null when the address names no item.
 */
export function outlookIdInAddress(url: URL): string | null {
  return itemIdOf(url.pathname.match(/\/id\/([^/]+)\/?$/)?.[1]);
}

/** Microsoft's own hosts of Outlook on the web: the only ones whose page may hold a sign-in token Hoplens sends. */
export const isOutlookHost = (hostname: string) => /^(outlook\.(live|office|office365)\.com|outlook\.cloud\.microsoft)$/.test(hostname);

/**
 * Exchange ids are base64 of a typed structure: an item's starts "AAMk", a conversation's "AAQk".
 * GetItem takes only the first; a conversation id is said so rather than sent.
 */
export const isConversationId = (id: string) => id.startsWith('AAQk');

/**
 * The resource whose tokens the service endpoint takes: Exchange Online's, named by any of its
 * hosts (`https://outlook.office.com/.default` is the scope Outlook's page asks for, also on
 * outlook.live.com and outlook.cloud.microsoft). Microsoft Graph's and every other service's are
 * never sent (docs/webmail-routes.md).
 */
const OUTLOOK_RESOURCE_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];

/**
 * What every call to the page's service endpoint carries besides the session cookies, which the
 * browser adds: the canary (OWA's defence against cross-site requests) and the anchor mailbox
 * that routes the request to the user's mailbox server, each from the page's cookie of that name
 * when the page can read it (docs/webmail-routes.md). On an organisation's own Exchange, that is all.
 */
export const SESSION_CALL: ServiceCallBase = {
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Requested-With': 'XMLHttpRequest' },
  cookieHeaders: [
    { cookie: 'X-OWA-CANARY', header: 'X-OWA-CANARY' },
    { cookie: 'DefaultAnchorMailbox', header: 'X-AnchorMailbox' },
  ],
  timeoutMs: WEBMAIL_TIMEOUT_MS,
  maxBytes: WEBMAIL_MAX_BYTES,
};

/** On Microsoft's hosts, also the page's own sign-in token for the mailbox when its cache holds a usable one, as OWA's own requests carry it. */
const SERVICE_CALL: ServiceCallBase = {
  ...SESSION_CALL,
  pageToken: { resourceHosts: OUTLOOK_RESOURCE_HOSTS, accountCookie: 'DefaultAnchorMailbox' },
};

/** GetItem through the page's own service endpoint, as OWA's page calls it (docs/webmail-routes.md). */
export function getItemRequest(origin: string, itemId: string, shape: 'mime' | 'details', call: ServiceCallBase = SERVICE_CALL): PageRequest {
  const itemShape =
    shape === 'mime'
      ? // item:Size as Mustang's OWA client asks it, which says it works around an Office 365 bug with IdOnly and MIME.
        {
          __type: 'ItemResponseShape:#Exchange',
          BaseShape: 'IdOnly',
          IncludeMimeContent: true,
          AdditionalProperties: [{ __type: 'PropertyUri:#Exchange', FieldURI: 'item:Size' }],
        }
      : { __type: 'ItemResponseShape:#Exchange', BaseShape: 'IdOnly' };
  const body = {
    __type: 'GetItemJsonRequest:#Exchange',
    Header: { __type: 'JsonRequestHeaders:#Exchange', RequestServerVersion: 'Exchange2013' },
    Body: {
      __type: 'GetItemRequest:#Exchange',
      ItemShape: itemShape,
      ItemIds: [{ __type: 'ItemId:#Exchange', Id: itemId }],
      ...(shape === 'details' ? { ShapeName: 'MessageDetails' } : {}),
    },
  };
  return serviceRequest(call, origin, 'GetItem', body);
}

/** What one service answer gave: the part asked for, or why not in words; `refused`: the server answered, without it. */
type ServiceAnswer<T> = { ok: true; value: T } | { ok: false; got: string; refused: boolean };
type ItemAnswer = ServiceAnswer<Record<string, unknown>>;

/** Body.ResponseMessages.Items[0] of a service answer, when it says Success; checked step by step. */
function responseOf(answer: PageAnswer): ServiceAnswer<Record<string, unknown>> {
  const received = receivedOk(answer);
  if (!received.ok) return { ...received, refused: false };
  let json: unknown;
  try {
    json = JSON.parse(utf8(received.text));
  } catch {
    return { ok: false, got: t('webmailGotNotJson'), refused: false };
  }
  const body = isObject(json) ? json.Body : undefined;
  const messages = isObject(body) && isObject(body.ResponseMessages) ? body.ResponseMessages.Items : undefined;
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  if (!isObject(first)) return { ok: false, got: t('webmailGotJsonShape', 'Body.ResponseMessages.Items'), refused: false };
  if (first.ResponseClass !== 'Success') {
    const code = typeof first.ResponseCode === 'string' ? first.ResponseCode.slice(0, 80) : '?';
    return { ok: false, got: t('outlookGotError', code), refused: true };
  }
  return { ok: true, value: first };
}

/** Body.ResponseMessages.Items[0].Items[0] of a GetItem answer, checked step by step. */
export function itemOf(answer: PageAnswer): ItemAnswer {
  const response = responseOf(answer);
  if (!response.ok) return response;
  const item: unknown = Array.isArray(response.value.Items) ? response.value.Items[0] : undefined;
  if (!isObject(item)) return { ok: false, got: t('webmailGotJsonShape', 'Items[0]'), refused: true };
  return { ok: true, value: item };
}

/** The messages of a GetConversationItems answer (Body.ResponseMessages.Items[0].Conversation), oldest first. */
export function conversationOf(answer: PageAnswer): ServiceAnswer<ConversationItem[]> {
  const response = responseOf(answer);
  if (!response.ok) return response;
  const items = conversationItemsOf(response.value.Conversation, (id) => ITEM_ID.test(id) && !isConversationId(id));
  if (items === null) return { ok: false, got: t('webmailGotJsonShape', 'Conversation.ConversationNodes'), refused: true };
  if (items.length === 0) return { ok: false, got: t('outlookGotNoItems'), refused: true };
  return { ok: true, value: items };
}

/** The item's MIME content, decoded to its bytes (one character per byte); null when the answer has none. */
export function mimeOf(item: Record<string, unknown>): string | null {
  const mime = item.MimeContent;
  const value = isObject(mime) ? mime.Value : undefined;
  if (typeof value !== 'string') return null;
  try {
    return atob(value);
  } catch {
    return null;
  }
}

/** PR_TRANSPORT_MESSAGE_HEADERS (0x007D), the item's internet headers, as "View message details" shows them. */
export function transportHeadersOf(item: Record<string, unknown>): string | null {
  const props = Array.isArray(item.ExtendedProperty) ? item.ExtendedProperty : [];
  for (const p of props) {
    if (!isObject(p) || !isObject(p.ExtendedFieldURI)) continue;
    const tag = p.ExtendedFieldURI.PropertyTag;
    if (typeof tag === 'string' && /^0x0*7d$/i.test(tag) && typeof p.Value === 'string') return p.Value;
  }
  return null;
}

const pasteHelp = () => [t('outlookPasteOpen'), t('outlookPasteMore'), t('outlookPasteView'), t('outlookPasteCopy')];

/** Why no sign-in token of the page's went with the request, for the sentence of a refusal. */
const NO_TOKEN_WORDS: Record<Exclude<PageTokenOutcome, 'sent'>, string> = {
  none: 'outlookTokenNone',
  encrypted: 'outlookTokenEncrypted',
  expired: 'outlookTokenExpired',
  'other-service': 'outlookTokenOtherService',
  'other-account': 'outlookTokenOtherAccount',
  malformed: 'outlookTokenMalformed',
};

/**
 * OWA's "sign in again" statuses said in full: besides a session that ran out, they are what a
 * mailbox answers that takes the page's requests only with the page's sign-in token (Microsoft
 * 365 tenants, and Outlook.com's newer pages, send one). The sentence says whether Hoplens sent
 * the page's token, and if not, why not; the user then needs the paste or a reload, not a retry.
 * A request that was to carry no token (an organisation's own Exchange) has only the session to blame.
 */
function serviceAnswer(answer: PageAnswer): PageAnswer | Said {
  if (!answer.ok || answer.redirected || (answer.status !== 401 && answer.status !== 440)) return answer;
  const token = answer.pageToken;
  if (token === undefined) return { said: t('outlookGotSessionOut', answer.status) };
  if (token === 'sent') return { said: t('outlookGotTokenRefused', answer.status) };
  return { said: t('outlookGotNoToken', [answer.status, t(NO_TOKEN_WORDS[token])]) };
}

/** An answer already put in words: a refusal said in full, or the browser refusing to run the request in the tab. */
type Said = { said: string };
type AskService = (request: PageRequest) => Promise<PageAnswer | Said>;

/** The service endpoint asked from inside the tab, each answer's refusals put in words. */
function askInTab(tabId: number): AskService {
  return async (request) => {
    try {
      return serviceAnswer(await runInTab(tabId, fetchFromPage, [request]));
    } catch (error) {
      return { said: injectionRefused(error) };
    }
  };
}

/** Which Outlook on the web a read is from: its name in the source line and sentences, and what its calls carry. */
export interface ItemRoute {
  label: string;
  call: ServiceCallBase;
}

/** Which message a report is of, for its source line. */
type Which = { kind: 'open' } | { kind: 'in-thread'; position: number; count: number } | { kind: 'newest'; count: number };

function whichWords(which: Which): string {
  switch (which.kind) {
    case 'open':
      return t('outlookWhichOpen');
    case 'in-thread':
      return t('outlookWhichInThread', [which.position, which.count]);
    case 'newest':
      return t('outlookWhichNewest', which.count);
  }
}

/**
 * Outlook on the web (Microsoft 365, Exchange) and Outlook.com: the toolbar click asks the
 * page's own service endpoint for the open item's MIME content with the page's session; where
 * the server refuses MIME, for the item's internet headers (the ones "View message details"
 * shows), marked as headers only. In conversation view the page's own GetConversationItems
 * lists the conversation's messages: the one in view is read, the others offered. An open
 * "View message source" window is read as it stands.
 */
export const outlookSource: MessageSource = {
  id: 'outlook',
  label: () => t('sourceOutlook'),
  matches: (tab) => tab.url !== null && tab.url.protocol === 'https:' && isOutlookHost(tab.url.hostname),
  async gather(tab, choice): Promise<GatherResult> {
    const failed = (reason: string): GatherResult => ({ ok: false, reason, pasteHelp: pasteHelp() });
    const label = t('sourceOutlook');
    const route: ItemRoute = { label, call: SERVICE_CALL };
    if (!tab.url) return failed(t('webmailNoAddress', label));
    const url = tab.url;
    const id = outlookIdInAddress(url);
    const conversation = id !== null && isConversationId(id);
    // No item in the address, or a conversation: the page may show the message source window.
    if (!id || (conversation && !choice)) {
      const shown = await readShownHeaders(tab.tabId);
      if (shown.raw !== null)
        return { ok: true, raw: shown.raw, source: { kind: 'outlook', label: t('sourceWebmailShown', label) }, choices: [], chosen: null };
      if (shown.refused) return failed(shown.refused);
      if (!id) return failed(t('webmailNoMessage', label));
    }
    const call = askInTab(tab.tabId);
    if (!conversation) return readItem(id, { kind: 'open' }, [], call, url.origin, route, failed);

    let views: MessageView[];
    try {
      views = await runInTab(tab.tabId, collectMessageViews, [CONVERSATION_VIEWS]);
    } catch (error) {
      return failed(injectionRefused(error));
    }
    const answer = await call(conversationItemsRequest(url.origin, id, SERVICE_CALL));
    const listed = 'said' in answer ? ({ ok: false, got: answer.said, refused: false } as const) : conversationOf(answer);
    if (!listed.ok) return failed(t('webmailNoSource', [label, t('outlookConversationWhat'), listed.got]));
    const { messages, placed } = conversationMessages(views, listed.value);
    const message = pickInView(messages, choice);
    if (!message) return failed(t('webmailNoSource', [label, t('outlookConversationWhat'), t('outlookGotNoItems')]));
    const count = messages.length;
    const which: Which =
      count === 1
        ? { kind: 'open' }
        : placed || message.id === choice
          ? { kind: 'in-thread', position: messages.indexOf(message) + 1, count }
          : { kind: 'newest', count };
    return readItem(message.id, which, count > 1 ? choicesOf(messages) : [], call, url.origin, route, failed);
  },
};

/** The open item of the tab's own service endpoint, read as readItem reads it (the route an organisation's own Exchange shares). */
export function readOpenItem(tabId: number, origin: string, id: string, route: ItemRoute, failed: (reason: string) => GatherResult): Promise<GatherResult> {
  return readItem(id, { kind: 'open' }, [], askInTab(tabId), origin, route, failed);
}

/** One item's MIME content, else its internet headers, through GetItem; every other answer ends in the paste. */
async function readItem(
  id: string,
  which: Which,
  choices: MessageChoice[],
  call: AskService,
  origin: string,
  route: ItemRoute,
  failed: (reason: string) => GatherResult,
): Promise<GatherResult> {
  const label = route.label;
  const ask = async (shape: 'mime' | 'details'): Promise<ItemAnswer> => {
    const answer = await call(getItemRequest(origin, id, shape, route.call));
    return 'said' in answer ? { ok: false, got: answer.said, refused: false } : itemOf(answer);
  };
  const done = (raw: string, key: 'sourceOutlookMime' | 'sourceOutlookHeadersOnly', bytes: boolean): GatherResult => ({
    ok: true,
    raw,
    source: { kind: 'outlook', label: t(key, [label, whichWords(which)]), bytes },
    choices,
    chosen: id,
  });
  const mime = await ask('mime');
  if (mime.ok) {
    const raw = mimeOf(mime.value);
    if (raw !== null) {
      if (looksLikeHeaders(raw)) return done(raw, 'sourceOutlookMime', true);
      return failed(t('webmailNoSource', [label, t('outlookMimeWhat'), t('webmailGotNotMessage')]));
    }
  } else if (!mime.refused) {
    return failed(t('webmailNoSource', [label, t('outlookMimeWhat'), mime.got]));
  }
  // The server answered without MIME content: the internet headers, as the page's "View message details" asks.
  const mimeGot = mime.ok ? t('outlookGotNoMime') : mime.got;
  const details = await ask('details');
  const headers = details.ok ? transportHeadersOf(details.value) : null;
  if (headers !== null && looksLikeHeaders(headers)) return done(headers, 'sourceOutlookHeadersOnly', false);
  const detailsGot = details.ok ? (headers === null ? t('outlookGotNoHeaders') : t('webmailGotNotMessage')) : details.got;
  return failed(t('outlookNoSource', [label, mimeGot, detailsGot]));
}
