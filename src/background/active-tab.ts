import browser from 'webextension-polyfill';
import { thunderbirdApi } from '../sources/thunderbird.js';
import type { TabContext } from '../sources/types.js';

/**
 * The tab the user means when the popup asks for "the open message": the active tab of the last
 * focused normal window. The toolbar popup is not a window, so this is the tab under it; a
 * Thunderbird message window counts too. Extension pages (an "open in tab" report) are skipped.
 */
export async function activeTabContext(): Promise<TabContext | null> {
  const mailClient = thunderbirdApi() !== null;
  // Thunderbird opens messages in their own "messageDisplay" windows as well.
  const windowTypes = mailClient ? ['normal', 'messageDisplay'] : ['normal'];
  const win = await browser.windows.getLastFocused({ populate: true, windowTypes } as browser.Windows.GetInfo);
  const tab = win.tabs?.find((t) => t.active);
  if (!tab || tab.id === undefined) return null;
  return { tabId: tab.id, url: parseUrl(tab.url), mailClient };
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
