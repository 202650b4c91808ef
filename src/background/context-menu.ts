import browser from 'webextension-polyfill';
import { t } from '../i18n.js';
import { gatherSelection, selectionSource } from '../sources/selection.js';
import { openReport } from './report-tab.js';
import { stash } from './stash.js';

const MENU_ID = 'hoplens-analyze-selection';

/**
 * The context-menu API of this client: Firefox and Thunderbird name it `menus` (Thunderbird has
 * no `contextMenus` at all), Chromium `contextMenus`. The manifest asks for the matching
 * permission per target (manifest/firefox.json, manifest/thunderbird.json).
 */
export function menusApi(): typeof browser.contextMenus {
  const api = browser as unknown as { menus?: typeof browser.contextMenus; contextMenus?: typeof browser.contextMenus };
  // Every target's manifest asks for one of the two.
  return (api.menus ?? api.contextMenus)!;
}

/** Menus persist across worker restarts; creating them once per install or update is enough. */
export function createContextMenu(): void {
  const menus = menusApi();
  menus.removeAll().then(() => menus.create({ id: MENU_ID, title: t('contextMenuAnalyzeSelection'), contexts: ['selection'] }));
}

export async function onContextMenuClick(info: browser.Menus.OnClickData, tab: browser.Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const raw = await gatherSelection(tab?.id, info.selectionText ?? '');
  const id = await stash({ raw, source: selectionSource() });
  await openReport({ id }, tab);
}
