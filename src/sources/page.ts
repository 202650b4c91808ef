import type { GatherResult } from '../background/protocol.js';
import { pickHeaderText } from './header-text.js';
import { injectionRefused, runInTab } from './inject.js';
import { pageTextCandidates } from './page-text.js';
import type { MessageSource } from './types.js';

export const GENERIC_PASTE_HELP: readonly string[] = [
  'Open the message in your mail program or webmail.',
  'Find its "Show original", "View source" or "View message source" command (often under a "…" or "More" menu).',
  'Select all of the text it shows (Ctrl+A or ⌘A), copy it, and paste it into Hoplens.',
];

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
  label: 'Headers shown on this page',
  matches: (tab) => tab.url !== null && /^(https?|file):$/.test(tab.url.protocol),
  async gather(tab): Promise<GatherResult> {
    const shown = await readShownHeaders(tab.tabId);
    if (shown.raw !== null) {
      return { ok: true, raw: shown.raw, source: { kind: 'page', label: `Headers shown on ${tab.url?.hostname || 'this page'}` }, choices: [], chosen: null };
    }
    return {
      ok: false,
      reason: shown.refused ?? 'This page does not show the raw headers of a message, and Hoplens has no adapter for this site.',
      pasteHelp: [...GENERIC_PASTE_HELP],
    };
  },
};
