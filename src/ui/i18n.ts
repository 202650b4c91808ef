import browser from 'webextension-polyfill';

/** The text for `key` in the browser's language (public/_locales), with $1… filled from `subs`. */
export function t(key: string, subs?: string | number | readonly (string | number)[]): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  return browser.i18n.getMessage(key, list);
}

/** For keys built from data (a check name, an error code): null when the locale has no such text. */
export function tOptional(key: string): string | null {
  return browser.i18n.getMessage(key.replace(/[^A-Za-z0-9_]/g, '_')) || null;
}

/** Sets the page's language and title from the locale, for screen readers and the tab strip. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
}
