import type { GatherResult } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { injectionRefused, runInTab } from './inject.js';
import { readShownHeaders } from './page.js';
import type { MessageSource } from './types.js';
import { receivedOk, utf8, WEBMAIL_MAX_BYTES, WEBMAIL_TIMEOUT_MS } from './webmail-answer.js';
import { looksLikeHeaders } from './header-text.js';
import { fetchFromPage, type PageAnswer, type PageRequest } from './webmail-page.js';

/** An Exchange item id as OWA's addresses carry it (base64, "AAMk…"), percent-decoded. */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{20,1024}$/;

/**
 * The open item's id in the tab's address: /mail/inbox/id/<id> (Microsoft 365) or
 * /mail/0/inbox/id/<id> (Outlook.com). Null when the address names no item.
 */
export function outlookIdInAddress(url: URL): string | null {
  const encoded = url.pathname.match(/\/id\/([^/]+)\/?$/)?.[1];
  if (!encoded) return null;
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return ITEM_ID.test(id) ? id : null;
}

/**
 * Exchange ids are base64 of a typed structure: an item's starts "AAMk", a conversation's "AAQk".
 * GetItem takes only the first; a conversation id is said so rather than sent.
 */
export const isConversationId = (id: string) => id.startsWith('AAQk');

/** GetItem through the page's own service endpoint, as OWA's page calls it (docs/webmail-routes.md). */
export function getItemRequest(origin: string, itemId: string, shape: 'mime' | 'details'): PageRequest {
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
  return {
    url: new URL('/owa/service.svc?action=GetItem&app=Mail', origin).href,
    method: 'POST',
    headers: { Action: 'GetItem', 'Content-Type': 'application/json; charset=utf-8', 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify(body),
    cookieHeader: { cookie: 'X-OWA-CANARY', header: 'X-OWA-CANARY' },
    timeoutMs: WEBMAIL_TIMEOUT_MS,
    maxBytes: WEBMAIL_MAX_BYTES,
  };
}

/** What one GetItem answer gave: the item's JSON, or why not in words; `refused`: the server answered, without the item. */
type ItemAnswer = { ok: true; item: Record<string, unknown> } | { ok: false; got: string; refused: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Body.ResponseMessages.Items[0].Items[0] of a GetItem answer, checked step by step. */
export function itemOf(answer: PageAnswer): ItemAnswer {
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
  const item: unknown = Array.isArray(first.Items) ? first.Items[0] : undefined;
  if (!isObject(item)) return { ok: false, got: t('webmailGotJsonShape', 'Items[0]'), refused: true };
  return { ok: true, item };
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

/**
 * Outlook on the web (Microsoft 365, Exchange) and Outlook.com: the toolbar click asks the
 * page's own service endpoint for the open item's MIME content with the page's session; where
 * the server refuses MIME, for the item's internet headers (the ones "View message details"
 * shows), marked as headers only. An open "View message source" window is read as it stands.
 */
export const outlookSource: MessageSource = {
  id: 'outlook',
  label: () => t('sourceOutlook'),
  matches: (tab) =>
    tab.url !== null && tab.url.protocol === 'https:' && /^(outlook\.(live|office|office365)\.com|outlook\.cloud\.microsoft)$/.test(tab.url.hostname),
  async gather(tab): Promise<GatherResult> {
    const failed = (reason: string): GatherResult => ({ ok: false, reason, pasteHelp: pasteHelp() });
    const label = t('sourceOutlook');
    if (!tab.url) return failed(t('webmailNoAddress', label));
    const id = outlookIdInAddress(tab.url);
    // No item in the address: the page may still show the message source window.
    if (!id || isConversationId(id)) {
      const shown = await readShownHeaders(tab.tabId);
      if (shown.raw !== null)
        return { ok: true, raw: shown.raw, source: { kind: 'outlook', label: t('sourceWebmailShown', label) }, choices: [], chosen: null };
      if (shown.refused) return failed(shown.refused);
      return failed(id ? t('outlookConversation') : t('webmailNoMessage', label));
    }
    const ask = async (shape: 'mime' | 'details'): Promise<ItemAnswer> => {
      try {
        return itemOf(await runInTab(tab.tabId, fetchFromPage, [getItemRequest(tab.url!.origin, id, shape)]));
      } catch (error) {
        return { ok: false, got: injectionRefused(error), refused: false };
      }
    };
    const done = (raw: string, sourceLabel: string, bytes: boolean): GatherResult => ({
      ok: true,
      raw,
      source: { kind: 'outlook', label: sourceLabel, bytes },
      choices: [],
      chosen: id,
    });
    const mime = await ask('mime');
    if (mime.ok) {
      const raw = mimeOf(mime.item);
      if (raw !== null) {
        if (looksLikeHeaders(raw)) return done(raw, t('sourceOutlookMime'), true);
        return failed(t('webmailNoSource', [label, t('outlookMimeWhat'), t('webmailGotNotMessage')]));
      }
    } else if (!mime.refused) {
      return failed(t('webmailNoSource', [label, t('outlookMimeWhat'), mime.got]));
    }
    // The server answered without MIME content: the internet headers, as the page's "View message details" asks.
    const mimeGot = mime.ok ? t('outlookGotNoMime') : mime.got;
    const details = await ask('details');
    const headers = details.ok ? transportHeadersOf(details.item) : null;
    if (headers !== null && looksLikeHeaders(headers)) return done(headers, t('sourceOutlookHeadersOnly'), false);
    const detailsGot = details.ok ? (headers === null ? t('outlookGotNoHeaders') : t('webmailGotNotMessage')) : details.got;
    return failed(t('outlookNoSource', [mimeGot, detailsGot]));
  },
};
