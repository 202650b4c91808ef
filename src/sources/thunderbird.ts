import browser from 'webextension-polyfill';
import type { GatherResult } from '../worker-protocol.js';
import { binaryString } from '../core/message/binary-string.js';
import { t } from '../i18n.js';
import type { MessageSource } from './types.js';

export interface TbMessageHeader {
  id: number;
  subject?: string;
  author?: string;
  date?: string | Date;
}

/** Thunderbird ≥ 128 (MV3): a MessageList; older: an array. */
export type TbMessageList = { messages: TbMessageHeader[] } | TbMessageHeader[];

/** Per-tab state of the message_display_action button. */
interface TbButtonDetails {
  tabId: number;
}

/** The part of Thunderbird's messenger API Hoplens uses; webextension-polyfill does not type it. */
export interface ThunderbirdApi {
  messageDisplay: {
    getDisplayedMessages?(tabId: number): Promise<TbMessageList>;
    getDisplayedMessage(tabId: number): Promise<TbMessageHeader | null>;
    /** MV3's event (Thunderbird ≥ 128); MV2's onMessageDisplayed does not exist there. */
    onMessagesDisplayed?: { addListener(listener: (tab: { id?: number }, displayed: TbMessageList) => void): void };
  };
  messageDisplayAction?: {
    setBadgeText(details: TbButtonDetails & { text: string | null }): Promise<void>;
    setTitle(details: TbButtonDetails & { title: string | null }): Promise<void>;
    setBadgeBackgroundColor(details: TbButtonDetails & { color: string | null }): Promise<void>;
  };
  messages: {
    /** A File by default since Thunderbird 117 (MV3); a binary string (one char per byte) before. */
    getRaw(messageId: number, options?: { data_format?: 'File' | 'BinaryString' }): Promise<File | string>;
  };
}

export function thunderbirdApi(): ThunderbirdApi | null {
  const api = browser as unknown as Partial<ThunderbirdApi>;
  return api.messageDisplay && api.messages ? (api as ThunderbirdApi) : null;
}

/**
 * The message's bytes, whichever form getRaw returned, as a binary string (one character per
 * byte) for the worker, which reads the text from them and lets DKIM hash them exactly.
 */
export async function rawMessageBytes(raw: File | Blob | string): Promise<string> {
  return typeof raw === 'string' ? raw : binaryString(new Uint8Array(await raw.arrayBuffer()));
}

const pasteHelp = () => [t('thunderbirdPasteSelect'), t('thunderbirdPasteView'), t('thunderbirdPasteCopy')];

export const listedMessages = (list: TbMessageList): TbMessageHeader[] => (Array.isArray(list) ? list : list.messages);

async function displayedMessages(api: ThunderbirdApi, tabId: number): Promise<TbMessageHeader[]> {
  if (api.messageDisplay.getDisplayedMessages) return listedMessages(await api.messageDisplay.getDisplayedMessages(tabId));
  const one = await api.messageDisplay.getDisplayedMessage(tabId);
  return one ? [one] : [];
}

/** The message shown in the Thunderbird tab or message window the user acted on. */
export const thunderbirdSource: MessageSource = {
  id: 'thunderbird',
  label: () => t('sourceThunderbird'),
  matches: (tab) => tab.mailClient,
  async gather(tab, choice): Promise<GatherResult> {
    const api = thunderbirdApi();
    if (!api) return { ok: false, reason: t('thunderbirdMissing'), pasteHelp: pasteHelp() };
    const shown = await displayedMessages(api, tab.tabId);
    const message = shown.find((m) => String(m.id) === choice) ?? shown[0];
    if (!message) return { ok: false, reason: t('thunderbirdNoMessage'), pasteHelp: pasteHelp() };
    const raw = await rawMessageBytes(await api.messages.getRaw(message.id));
    return {
      ok: true,
      raw,
      source: { kind: 'thunderbird', label: message.subject ? t('sourceThunderbirdSubject', message.subject) : t('sourceThunderbirdDisplayed'), bytes: true },
      choices: shown.map((m) => ({ id: String(m.id), label: [m.subject, m.author].filter(Boolean).join(' — ') || t('choiceNumbered', m.id) })),
      chosen: String(message.id),
    };
  },
};
