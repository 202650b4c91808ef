import browser from 'webextension-polyfill';
import { t } from '../i18n.js';
import { gatherSelection, selectionSource } from '../sources/selection.js';
import { openReport } from './report-tab.js';
import { stash } from './stash.js';

const MENU_ID = 'hoplens-analyze-selection';

/** Menus persist across worker restarts; creating them once per install or update is enough. */
export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: t('contextMenuAnalyzeSelection'), contexts: ['selection'] }),
  );
}

export async function onContextMenuClick(info: browser.Menus.OnClickData, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const raw = await gatherSelection(tab?.id, info.selectionText ?? '');
  const id = await stash({ raw, source: selectionSource() });
  await openReport({ id }, tab);
}
