import browser from 'webextension-polyfill';
import { serveAnalysisPort } from './analysis.js';
import { createContextMenu, onContextMenuClick } from './context-menu.js';
import { ANALYSIS_PORT } from './protocol.js';
import { answer, isRuntimeRequest } from './requests.js';

// Listeners are registered synchronously at the top level: a service worker or event page that
// was stopped is woken by the event, and only listeners present on its first run receive it.

browser.runtime.onConnect.addListener((port) => {
  if (port.name === ANALYSIS_PORT) serveAnalysisPort(port);
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only the extension's own pages may ask; content of web pages never talks to the worker.
  if (sender.id !== browser.runtime.id || (sender.url && !sender.url.startsWith(browser.runtime.getURL('')))) return undefined;
  return isRuntimeRequest(message) ? answer(message) : undefined;
});

browser.runtime.onInstalled.addListener(() => createContextMenu());
browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
