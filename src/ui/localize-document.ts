import browser from 'webextension-polyfill';
import { t } from '../i18n.js';

/** Sets the page's language and title from the locale, for screen readers and the tab strip. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
}
