import type { GatherResult } from '../worker-protocol.js';
import { MAX_INPUT_SIZE } from '../core/message/limits.js';
import { t } from '../i18n.js';
import { choicesOf } from './choices.js';
import { mergeViews, pickInView, type ViewedMessage } from './in-view.js';
import { injectionRefused, runInTab } from './inject.js';
import { readShownHeaders } from './page.js';
import type { MessageSource, TabContext } from './types.js';
import { receivedMessage, WEBMAIL_TIMEOUT_MS } from './webmail-answer.js';
import { collectMessageViews, fetchFromPage, type ViewSpec } from './webmail-page.js';

/** A message id as Yahoo's addresses carry it ("AOyS3goAAAMLWnG7EQJCIEz14Ds"); anything else is not used. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const ID_IN_PATH = '/messages/([A-Za-z0-9_-]{1,200})(?:[/?#]|$)';

/**
 * Yahoo Mail's message views. Each is a [data-test-id="message-view"] element (public extensions
 * select it so); which message a view shows is read from its links to /messages/<id>, and the open
 * message from the tab's address. docs/webmail-routes.md says what of this is confirmed.
 */
const VIEWS: ViewSpec = {
  selector: '[data-test-id="message-view"]',
  attributes: [],
  linkId: ID_IN_PATH,
  labelSelectors: ['[data-test-id="message-from"]'],
};

/** The open message's id in the tab's address: /d/folders/1/messages/<id>. */
export function yahooIdInAddress(url: URL): string | null {
  return url.pathname.match(new RegExp(ID_IN_PATH))?.[1] ?? null;
}

/**
 * The raw message behind "View raw message", on the tab's own origin with the session cookies:
 * "@" is the signed-in user's own mailbox, so the page's mailbox id is not needed.
 */
export function yahooRawUrl(origin: string, id: string): string {
  return new URL(`/ws/v3/mailboxes/@/messages/@.id==${encodeURIComponent(id)}/content/rawplaintext`, origin).href;
}

/** The messages the tab shows: those its views name, else the one in its address. */
export function yahooMessages(viewIds: readonly { ids: string[]; label: string; visible: number }[], url: URL): ViewedMessage[] {
  const named = mergeViews(viewIds.map((v) => ({ id: v.ids.find((id) => MESSAGE_ID.test(id)) ?? null, label: v.label, visible: v.visible })));
  if (named.length > 0) return named;
  const open = yahooIdInAddress(url);
  return open ? [{ id: open, label: '', visible: 1 }] : [];
}

/**
 * Yahoo Mail and AOL Mail (one platform): the toolbar click reads the message in view through
 * the page's own raw-message endpoint; a tab that already shows a raw message (the "View raw
 * message" tab) is read as it stands.
 */
export function yahooPlatformSource(options: { id: string; label: () => string; hosts: RegExp; pasteHelp: () => string[] }): MessageSource {
  const failed = (reason: string): GatherResult => ({ ok: false, reason, pasteHelp: options.pasteHelp() });
  return {
    id: options.id,
    label: options.label,
    matches: (tab) => tab.url !== null && tab.url.protocol === 'https:' && options.hosts.test(tab.url.hostname),
    async gather(tab: TabContext, choice?: string): Promise<GatherResult> {
      if (!tab.url) return failed(t('webmailNoAddress', options.label()));
      if (tab.url.pathname.startsWith('/ws/')) {
        const shown = await readShownHeaders(tab.tabId);
        if (shown.raw !== null) {
          return { ok: true, raw: shown.raw, source: { kind: options.id, label: t('sourceWebmailShown', options.label()) }, choices: [], chosen: null };
        }
        return failed(shown.refused ?? t('webmailNoMessage', options.label()));
      }
      let messages: ViewedMessage[];
      try {
        messages = yahooMessages(await runInTab(tab.tabId, collectMessageViews, [VIEWS]), tab.url);
      } catch (error) {
        return failed(injectionRefused(error));
      }
      const message = pickInView(messages, choice);
      if (!message) return failed(t('webmailNoMessage', options.label()));
      let answer: Awaited<ReturnType<typeof fetchFromPage>>;
      try {
        answer = await runInTab(tab.tabId, fetchFromPage, [
          { url: yahooRawUrl(tab.url.origin, message.id), method: 'GET', headers: {}, timeoutMs: WEBMAIL_TIMEOUT_MS, maxBytes: MAX_INPUT_SIZE },
        ]);
      } catch (error) {
        return failed(injectionRefused(error));
      }
      const received = receivedMessage(answer);
      if (!received.ok) return failed(t('webmailNoSource', [options.label(), t('yahooRouteWhat'), received.got]));
      const position = messages.indexOf(message) + 1;
      return {
        ok: true,
        raw: received.text,
        source: {
          kind: options.id,
          label: messages.length > 1 ? t('sourceWebmailInThread', [options.label(), position, messages.length]) : t('sourceYahooRaw', options.label()),
          bytes: true,
        },
        choices: messages.length > 1 ? choicesOf(messages) : [],
        chosen: message.id,
      };
    },
  };
}
