import type { GatherResult } from '../worker-protocol.js';
import { visible } from '../core/text/inert.js';
import { t } from '../i18n.js';
import { isConversationId, isOutlookHost, itemIdOf, readOpenItem, SESSION_CALL } from './outlook.js';
import { readShownHeaders } from './page.js';
import type { MessageSource } from './types.js';

/** OWA's own path on an organisation's host (Exchange Server 2013 to Subscription Edition); IIS reads paths caselessly. */
const OWA_PATH = /^\/owa\//i;

/**
 * The item id of a message open in its own window: `/owa/?ItemID=<percent-encoded EWS id>&exvsurl=1&viewmodel=ReadMessageItem`,
 * the address EWS's WebClientReadFormQueryString names (docs/webmail-routes.md), the name in any case;
 * in the address's query or, as OWA's client keeps its state, its fragment. Null when there is none:
 * the reading pane's address (`/owa/#path=/mail`) names no message.
 */
export function exchangeIdInAddress(url: URL): string | null {
  const id = itemIdOf(`${url.search}${url.hash}`.match(/[?&#]itemid=([^&#]*)/i)?.[1]);
  return id !== null && !isConversationId(id) ? id : null;
}

/** The clicks for the paste on an organisation's OWA, which shows the internet headers under "View message details". */
const pasteHelp = () => [t('outlookPasteOpen'), t('outlookPasteMore'), t('exchangePasteView'), t('outlookPasteCopy')];

/**
 * Outlook on the web on an organisation's own Exchange server: any https page under `/owa/`
 * whose host is not one of Microsoft's. The message open in its own window is read through the
 * same GetItem route as on Microsoft's hosts, with the session's cookies and canary and never a
 * sign-in token; a page anywhere can put `/owa/` in its address, so what it answers is analysed
 * as any pasted message is (docs/threat-model.md).
 */
export const exchangeSource: MessageSource = {
  id: 'exchange',
  label: () => t('sourceExchangeServer'),
  matches: (tab) => tab.url !== null && tab.url.protocol === 'https:' && OWA_PATH.test(tab.url.pathname) && !isOutlookHost(tab.url.hostname),
  async gather(tab): Promise<GatherResult> {
    const failed = (reason: string): GatherResult => ({ ok: false, reason, pasteHelp: pasteHelp() });
    if (!tab.url) return failed(t('webmailNoAddress', t('sourceExchangeServer')));
    // The browser's own host name (an https URL's is ASCII), made inert all the same.
    const label = t('sourceExchange', visible(tab.url.hostname));
    const id = exchangeIdInAddress(tab.url);
    if (id === null) {
      const shown = await readShownHeaders(tab.tabId);
      if (shown.raw !== null)
        return { ok: true, raw: shown.raw, source: { kind: 'outlook', label: t('sourceWebmailShown', label) }, choices: [], chosen: null };
      return failed(shown.refused ?? t('exchangeNoItem', label));
    }
    return readOpenItem(tab.tabId, tab.url.origin, id, { label, call: SESSION_CALL }, failed);
  },
};
