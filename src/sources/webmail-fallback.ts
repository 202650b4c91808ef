import type { GatherResult } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { readShownHeaders } from './page.js';
import type { MessageSource } from './types.js';

/**
 * A webmail whose page gives no reliable route to a message's source from the extension: it reads
 * the source once the user has opened the webmail's own "view source" view (a dialog or a tab),
 * and otherwise says so and gives the exact clicks for the paste flow. It never guesses.
 * The texts are functions: they are looked up in the browser's language when shown.
 */
export function viewSourceOnlyWebmail(options: {
  id: string;
  label: () => string;
  hosts: RegExp;
  why: () => string;
  pasteHelp: () => string[];
}): MessageSource {
  return {
    id: options.id,
    label: options.label,
    matches: (tab) => tab.url !== null && tab.url.protocol === 'https:' && options.hosts.test(tab.url.hostname),
    async gather(tab): Promise<GatherResult> {
      const shown = await readShownHeaders(tab.tabId);
      if (shown.raw !== null) {
        return { ok: true, raw: shown.raw, source: { kind: options.id, label: t('sourceWebmailShown', options.label()) }, choices: [], chosen: null };
      }
      return { ok: false, reason: shown.refused ?? options.why(), pasteHelp: options.pasteHelp() };
    },
  };
}
