import { formatUtc } from '../core/text/date.js';
import { visible } from '../core/text/inert.js';
import type { ViewedMessage } from './in-view.js';
import { type ServiceCallBase, serviceRequest } from './outlook-service.js';
import type { MessageView, PageRequest, ViewSpec } from './webmail-page.js';

/** The most messages of one conversation Hoplens lists: OWA's own reading pane asks for 100 at most. */
export const CONVERSATION_MAX_ITEMS = 100;

/** One message of the open conversation, as GetConversationItems names it. */
export interface ConversationItem {
  id: string;
  /** The sender's display name (or address) as the server gives it, for matching the page and for the chooser. */
  from: string;
  /** DateTimeReceived as an ISO instant; null when the answer has none that reads as a date. */
  received: string | null;
}

/**
 * OWA's reading pane in conversation view: each message is a child of a child of
 * [data-app-section="ConversationContainer"]; its sender is the first persona span
 * ([data-lpc-hover-target-id]) and its date [data-testid="SentReceivedSavedTime"]. Public
 * extensions read the pane so (docs/webmail-routes.md); no item id is in that DOM.
 */
export const CONVERSATION_VIEWS: ViewSpec = {
  selector: '[data-app-section="ConversationContainer"] > div > div',
  attributes: [],
  labelSelectors: ['span[data-lpc-hover-target-id]', '[data-testid="SentReceivedSavedTime"]'],
};

/**
 * The conversation's items, oldest first, as the page's own reading pane asks for them
 * (GetConversationItems with the conversation id of the address); only what Hoplens needs of
 * each: its id, sender and date.
 */
export function conversationItemsRequest(origin: string, conversationId: string, base: ServiceCallBase): PageRequest {
  const body = {
    __type: 'GetConversationItemsJsonRequest:#Exchange',
    Header: { __type: 'JsonRequestHeaders:#Exchange', RequestServerVersion: 'Exchange2013' },
    Body: {
      __type: 'GetConversationItemsRequest:#Exchange',
      Conversations: [{ __type: 'ConversationRequestType:#Exchange', ConversationId: { __type: 'ItemId:#Exchange', Id: conversationId }, SyncState: '' }],
      ItemShape: {
        __type: 'ItemResponseShape:#Exchange',
        BaseShape: 'IdOnly',
        AdditionalProperties: [
          { __type: 'PropertyUri:#Exchange', FieldURI: 'message:From' },
          { __type: 'PropertyUri:#Exchange', FieldURI: 'item:DateTimeReceived' },
        ],
      },
      SortOrder: 'DateOrderAscending',
      MaxItemsToReturn: CONVERSATION_MAX_ITEMS,
      FoldersToIgnore: [],
    },
  };
  return serviceRequest(base, origin, 'GetConversationItems', body);
}

/** A JSON object (not an array): OWA's answers are read field by field through this. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of Conversation.ConversationNodes[].Items[] that carry an id `isItemId` accepts, oldest first; null when the shape is not that. */
export function conversationItemsOf(conversation: unknown, isItemId: (id: string) => boolean): ConversationItem[] | null {
  if (!isObject(conversation) || !Array.isArray(conversation.ConversationNodes)) return null;
  const items: ConversationItem[] = [];
  for (const node of conversation.ConversationNodes.slice(0, CONVERSATION_MAX_ITEMS)) {
    const nodeItems: unknown[] = isObject(node) && Array.isArray(node.Items) ? node.Items.slice(0, CONVERSATION_MAX_ITEMS) : [];
    for (const item of nodeItems) {
      const id = isObject(item) && isObject(item.ItemId) ? item.ItemId.Id : undefined;
      if (!isObject(item) || typeof id !== 'string' || !isItemId(id)) continue;
      if (items.some((known) => known.id === id) || items.length >= CONVERSATION_MAX_ITEMS) continue;
      const mailbox = isObject(item.From) && isObject(item.From.Mailbox) ? item.From.Mailbox : {};
      const name = [mailbox.Name, mailbox.EmailAddress].find((n): n is string => typeof n === 'string' && n.trim() !== '');
      const time = typeof item.DateTimeReceived === 'string' ? Date.parse(item.DateTimeReceived) : Number.NaN;
      items.push({ id, from: (name ?? '').trim().slice(0, 200), received: Number.isNaN(time) ? null : new Date(time).toISOString() });
    }
  }
  // The server was asked for oldest first; where every item is dated, the dates decide (the sort is stable for equal ones).
  if (items.some((item) => item.received === null)) return items;
  return items.sort((a, b) => a.received!.localeCompare(b.received!));
}

/** The chooser's words for an item: its sender (control and bidi characters made visible) and when it arrived. */
const labelOf = (item: ConversationItem) => [visible(item.from), item.received ? formatUtc(item.received) : ''].filter(Boolean).join(', ');

/** Whether a view's label (sender, then date, as the page shows them) begins with this sender's name. */
function shows(view: MessageView, item: ConversationItem): boolean {
  if (!item.from || !view.label.startsWith(item.from)) return false;
  const next = view.label.charAt(item.from.length);
  return next === '' || next === ',' || next === ' ' || next === '<' || next === '(';
}

/**
 * The conversation's messages oldest first, the one in view marked visible; `placed` says
 * whether the page's message views were matched to the items. The page names no item id, so a
 * view is matched to an item only when the page shows exactly as many messages as the server
 * listed and their senders agree, oldest first or newest first (OWA lets the user choose): a
 * sender sequence that reads both ways is taken only if the message in view is the same item
 * either way. Otherwise none is in view.
 */
export function conversationMessages(views: readonly MessageView[], items: readonly ConversationItem[]): { messages: ViewedMessage[]; placed: boolean } {
  const unplaced = { messages: items.map((item) => ({ id: item.id, label: labelOf(item), visible: 0 })), placed: false };
  const shown = views.filter((v) => v.label !== '');
  if (shown.length !== items.length || items.length === 0) return unplaced;
  const newestFirst = [...items].reverse();
  const oldestFirstFits = shown.every((v, i) => shows(v, items[i]!));
  const newestFirstFits = shown.every((v, i) => shows(v, newestFirst[i]!));
  let best = -1;
  shown.forEach((v, i) => {
    if (v.visible > 0 && (best < 0 || v.visible >= shown[best]!.visible)) best = i;
  });
  if (best < 0) return unplaced;
  let pageOrder: readonly ConversationItem[] | null = null;
  if (oldestFirstFits && (!newestFirstFits || items[best] === newestFirst[best])) pageOrder = items;
  else if (newestFirstFits && !oldestFirstFits) pageOrder = newestFirst;
  if (!pageOrder) return unplaced;
  const inView = pageOrder[best];
  return { messages: items.map((item) => ({ id: item.id, label: labelOf(item), visible: item === inView ? 1 : 0 })), placed: true };
}
