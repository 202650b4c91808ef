import type { SourceInfo } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { runInTab } from './inject.js';

export function selectionSource(): SourceInfo {
  return { kind: 'selection', label: t('sourceSelection') };
}

/** Runs in the page: the selection with its line breaks (the menu's selectionText loses them in Chrome). */
export function pageSelection(): string {
  return window.getSelection()?.toString() ?? '';
}

/**
 * The text the user selected before choosing "Analyze selected text as headers". Read from the
 * page when the browser lets the extension in (the menu click grants activeTab); otherwise the
 * menu's own copy of the selection, whose line breaks may be lost.
 */
export async function gatherSelection(tabId: number | undefined, menuText: string): Promise<string> {
  if (tabId !== undefined && tabId >= 0) {
    try {
      const text = await runInTab(tabId, pageSelection, []);
      if (text.trim()) return text;
    } catch {
      // Pages the browser keeps extensions out of (its own pages, the PDF viewer): use the menu's copy.
    }
  }
  return menuText;
}
