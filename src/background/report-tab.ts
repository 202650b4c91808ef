import browser from 'webextension-polyfill';

/** Opens the full report tab next to the tab the user acted on; `params` go into its query string. */
export async function openReport(params: Record<string, string>, nextTo?: browser.Tabs.Tab): Promise<void> {
  const url = new URL(browser.runtime.getURL('report.html'));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  await browser.tabs.create({
    url: url.href,
    ...(nextTo?.index === undefined ? {} : { index: nextTo.index + 1 }),
    ...(nextTo?.windowId === undefined ? {} : { windowId: nextTo.windowId }),
  });
}
