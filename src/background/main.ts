import browser from 'webextension-polyfill';
import { serveAnalysisPort, settingsResolver } from './analysis.js';
import { watchDisplayedMessages } from './auto-check.js';
import { createContextMenu, menusApi, onContextMenuClick } from './context-menu.js';
import { fromOwnPage } from './own-page.js';
import { ANALYSIS_PORT } from '../worker-protocol.js';
import { reportCache } from './report-cache.js';
import { answer, isRuntimeRequest } from './requests.js';
import { sweepStale } from './stash.js';

// Listeners are registered synchronously at the top level: a service worker or event page that
// was stopped is woken by the event, and only listeners present on its first run receive it.

browser.runtime.onConnect.addListener((port) => {
  if (port.name === ANALYSIS_PORT && fromOwnPage(port.sender)) serveAnalysisPort(port, settingsResolver, reportCache);
  else port.disconnect();
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  return fromOwnPage(sender) && isRuntimeRequest(message) ? answer(message) : undefined;
});

browser.runtime.onInstalled.addListener(() => createContextMenu());
menusApi().onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
watchDisplayedMessages();

// What a stopped worker's timers could not remove (stashes no tab took, an expired last analysis).
void sweepStale().catch(() => {
  // Nothing kept, or storage.session missing: nothing to sweep.
});
