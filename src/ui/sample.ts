import browser from 'webextension-polyfill';

/** The sample message packaged with the extension (public/samples/sample.eml). */
export async function loadSample(): Promise<string> {
  const response = await fetch(browser.runtime.getURL('samples/sample.eml'));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
