import browser from 'webextension-polyfill';
import { t } from '../i18n.js';

/**
 * Runs a self-contained function in a tab's page (main frame, isolated world) and returns its
 * result. The function is serialised by the browser: it must not use anything from this module's
 * scope, only its arguments and the page's globals; so it cannot call t() either, and returns
 * data that the worker puts into words.
 */
export async function runInTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R | Promise<R>, args: A): Promise<R> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: func as (...a: unknown[]) => unknown, args });
  if (!first) throw new Error(t('injectionNoResult'));
  return first.result as R;
}

/** A sentence for the user when a page refuses injection (store pages, browser pages, PDF viewer). */
export function injectionRefused(error: unknown): string {
  return t('injectionRefused', error instanceof Error ? error.message : String(error));
}
