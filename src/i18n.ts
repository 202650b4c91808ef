import browser from 'webextension-polyfill';
import type { Phrase } from './core/text/phrase.js';

/*
 * The extension's texts, from public/_locales in the browser's language. Shared by the worker,
 * the message sources and the pages: every text a user sees goes through here. Not for src/core,
 * whose texts are report data rendered the same in the CLI and the exports.
 */

/** The text for `key`, with the message's placeholders ($1…) filled from `subs`. */
export function t(key: string, subs?: string | number | readonly (string | number)[]): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  return browser.i18n.getMessage(key, list);
}

/** For keys built from data (a check name, an error code): null when the locale has no such text. */
export function tOptional(key: string): string | null {
  return browser.i18n.getMessage(key.replace(/[^A-Za-z0-9_]/g, '_')) || null;
}

/** A phrase the core shares with the CLI and the exports, in the browser's language. */
export function tPhrase(p: Phrase): string {
  return t(p.key, p.subs);
}
