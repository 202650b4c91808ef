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
  const windowTypes: browser.Windows.WindowType[] = mailClient ? ['normal', 'messageDisplay' as browser.Windows.WindowType] : ['normal'];
  const tab = (await lastFocusedTab(windowTypes)) ?? null;
  if (!tab || tab.id === undefined) return null;
  return { tabId: tab.id, url: parseUrl(tab.url), mailClient };
}

/**
 * Firefox deprecates `windowTypes` on windows.getLastFocused (and warns on every call), so the
 * filter is applied here: the last focused window when it is of a wanted type, else the focused
 * (or first) one of that type, which windows.getAll still filters by without complaint.
 */
async function lastFocusedTab(windowTypes: browser.Windows.WindowType[]): Promise<browser.Tabs.Tab | undefined> {
  const last = await browser.windows.getLastFocused({ populate: true });
  let win: browser.Windows.Window | undefined = last.type && windowTypes.includes(last.type) ? last : undefined;
  if (!win) {
    const all = await browser.windows.getAll({ populate: true, windowTypes });
    win = all.find((w) => w.focused) ?? all[0];
  }
  return win?.tabs?.find((t) => t.active);
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
