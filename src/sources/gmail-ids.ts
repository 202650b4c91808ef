import { mergeViews, type ViewedMessage } from './in-view.js';

/** One message of the open Gmail conversation, as the page's DOM describes it. */
export interface GmailCandidate {
  /** data-message-id, e.g. "#msg-f:1790000000000000001" (the decimal form). */
  messageId: string | null;
  /** data-legacy-message-id, e.g. "18d7c0a5b0c0a001" (the same number in hex). */
  legacyId: string | null;
  /** Share of the message's box inside the viewport, 0..1. */
  visible: number;
  /** Sender and date as the page shows them, for the chooser. */
  label: string;
}

/** `id`: the decimal "msg-f" id that view=om takes. */
export type GmailMessage = ViewedMessage;

/** "#msg-f:123" → "123"; a legacy hex id → the same number in decimal; null for anything else. */
export function gmailDecimalId(candidate: Pick<GmailCandidate, 'messageId' | 'legacyId'>): string | null {
  const decimal = candidate.messageId?.match(/^#?msg-f:(\d{1,20})$/)?.[1];
  if (decimal) return BigInt(decimal).toString();
  const hex = candidate.legacyId?.trim();
  if (hex && /^[0-9a-f]{1,16}$/i.test(hex)) return BigInt(`0x${hex}`).toString();
  return null;
}

/** The thread's messages in page order, one entry per id (Gmail repeats ids on nested elements). */
export function gmailMessages(candidates: readonly GmailCandidate[]): GmailMessage[] {
  return mergeViews(candidates.map((c) => ({ id: gmailDecimalId(c), label: c.label, visible: c.visible })));
}

/** /mail/u/2/… → 2: the signed-in account the tab shows. */
export function gmailAccountIndex(pathname: string): number {
  const n = pathname.match(/^\/mail\/u\/(\d{1,2})(\/|$)/)?.[1];
  return n === undefined ? 0 : Number(n);
}

/** The "Show original" page of one message, on the tab's own origin. */
export function gmailOriginalUrl(origin: string, account: number, decimalId: string): string {
  const url = new URL(`/mail/u/${account}/`, origin);
  url.searchParams.set('view', 'om');
  url.searchParams.set('permmsgid', `msg-f:${decimalId}`);
  return url.href;
}
