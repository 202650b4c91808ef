import type { GatherResult } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { pickHeaderText } from './header-text.js';
import { injectionRefused, runInTab } from './inject.js';
import { pageTextCandidates } from './page-text.js';
import type { MessageSource } from './types.js';

/** The clicks that get a message's source in any mail program, for tabs no adapter knows. */
export function genericPasteHelp(): string[] {
  return [t('pasteHelpGenericOpen'), t('pasteHelpGenericFind'), t('pasteHelpGenericCopy')];
}

/** Raw headers the tab already shows, or why the tab could not be read. */
export async function readShownHeaders(tabId: number): Promise<{ raw: string | null; refused: string | null }> {
  try {
    return { raw: pickHeaderText(await runInTab(tabId, pageTextCandidates, [])), refused: null };
  } catch (error) {
    return { raw: null, refused: injectionRefused(error) };
  }
}

/** Any page that shows raw headers: a "show original" view, a text/plain .eml. */
export const pageSource: MessageSource = {
  id: 'page',
  label: () => t('sourcePage'),
  matches: (tab) => tab.url !== null && /^(https?|file):$/.test(tab.url.protocol),
  async gather(tab): Promise<GatherResult> {
    const shown = await readShownHeaders(tab.tabId);
    if (shown.raw !== null) {
      return {
        ok: true,
        raw: shown.raw,
        source: { kind: 'page', label: tab.url?.hostname ? t('sourcePageOn', tab.url.hostname) : t('sourcePage') },
        choices: [],
        chosen: null,
      };
    }
    return { ok: false, reason: shown.refused ?? t('pageNoHeaders'), pasteHelp: genericPasteHelp() };
  },
};
