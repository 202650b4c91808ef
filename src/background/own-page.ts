import browser from 'webextension-polyfill';

/**
 * True when a runtime message or port comes from one of the extension's own pages (popup, report
 * tab, options). Scripts the extension injects into web pages share its id but run at the page's
 * address, and a sender without an address is not trusted either: only these pages may ask the
 * worker to read tabs, stash messages or spend DNS queries.
 */
export function fromOwnPage(sender: browser.Runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL(''));
}
