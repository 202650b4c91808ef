import type { GatherResult } from '../background/protocol.js';
import { gmailAccountIndex, gmailMessages, gmailOriginalUrl, pickGmailMessage } from './gmail-ids.js';
import { collectGmailCandidates, fetchElementText } from './gmail-page.js';
import { injectionRefused, runInTab } from './inject.js';
import type { MessageSource } from './types.js';

const PASTE_HELP = [
  'Open the message in Gmail.',
  'Click the ⋮ (More) button next to Reply at the top right of the message.',
  'Choose "Show original"; it opens in a new tab.',
  'Click Hoplens on that tab, or click "Copy to clipboard" there and paste into Hoplens.',
];

export const gmailSource: MessageSource = {
  id: 'gmail',
  label: 'Gmail',
  matches: (tab) => tab.url?.protocol === 'https:' && tab.url.hostname === 'mail.google.com' && tab.url.searchParams.get('view') !== 'om',
  async gather(tab, choice): Promise<GatherResult> {
    if (!tab.url) return { ok: false, reason: 'The Gmail tab did not disclose its address.', pasteHelp: PASTE_HELP };
    let messages;
    try {
      messages = gmailMessages(await runInTab(tab.tabId, collectGmailCandidates, []));
    } catch (error) {
      return { ok: false, reason: injectionRefused(error), pasteHelp: PASTE_HELP };
    }
    const message = pickGmailMessage(messages, choice);
    if (!message) {
      return { ok: false, reason: 'No message is open in this Gmail tab. Open a message (not the inbox list) and try again.', pasteHelp: PASTE_HELP };
    }
    const url = gmailOriginalUrl(tab.url.origin, gmailAccountIndex(tab.url.pathname), message.id);
    let fetched;
    try {
      fetched = await runInTab(tab.tabId, fetchElementText, [url, 'pre#raw_message_text']);
    } catch (error) {
      return { ok: false, reason: `Gmail's "Show original" page could not be fetched (${error instanceof Error ? error.message : String(error)}).`, pasteHelp: PASTE_HELP };
    }
    if (!fetched.ok) {
      return {
        ok: false,
        reason: `Gmail's "Show original" page for this message did not give the message source (${fetched.problem}). If Gmail asks you to sign in again, do so and retry; otherwise Gmail may have changed the page.`,
        pasteHelp: PASTE_HELP,
      };
    }
    const position = messages.indexOf(message) + 1;
    return {
      ok: true,
      raw: fetched.text,
      source: { kind: 'gmail', label: messages.length > 1 ? `Gmail — message ${position} of ${messages.length}` : 'Gmail — open message' },
      choices: messages.map((m, i) => ({ id: m.id, label: m.label ? `${i + 1}. ${m.label}` : `Message ${i + 1}` })),
      chosen: message.id,
    };
  },
};
