import browser from 'webextension-polyfill';
import type { RuntimeReplies, RuntimeRequest } from '../worker-protocol.js';

/** A one-shot request to the background worker, typed by the protocol's reply table. */
export async function ask<R extends RuntimeRequest>(request: R): Promise<RuntimeReplies[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as RuntimeReplies[R['type']];
}
