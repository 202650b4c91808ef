import type { GatherResult } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { gmailAccountIndex, gmailMessages, gmailOriginalUrl } from './gmail-ids.js';
import { collectGmailCandidates, fetchOriginal, type FetchedText } from './gmail-page.js';
import { choicesOf } from './choices.js';
import { pickInView } from './in-view.js';
import { injectionRefused, runInTab } from './inject.js';
import type { MessageSource } from './types.js';

const RAW_TEXT = 'pre#raw_message_text';

const pasteHelp = () => [t('gmailPasteOpen'), t('gmailPasteMore'), t('gmailPasteShowOriginal'), t('gmailPasteCopy')];

/** Why the "Show original" page gave no source, in words for the reason line. */
function fetchProblem(fetched: Exclude<FetchedText, { ok: true }>): string {
  switch (fetched.problem) {
    case 'status':
      return t('fetchProblemStatus', fetched.status);
    case 'no-element':
      return t('fetchProblemNoElement', RAW_TEXT);
    case 'fetch':
      return fetched.detail;
  }
}

export const gmailSource: MessageSource = {
  id: 'gmail',
  label: () => t('sourceGmail'),
  matches: (tab) => tab.url?.protocol === 'https:' && tab.url.hostname === 'mail.google.com' && tab.url.searchParams.get('view') !== 'om',
  async gather(tab, choice): Promise<GatherResult> {
    if (!tab.url) return { ok: false, reason: t('gmailNoAddress'), pasteHelp: pasteHelp() };
    let messages: ReturnType<typeof gmailMessages>;
    try {
      messages = gmailMessages(await runInTab(tab.tabId, collectGmailCandidates, []));
    } catch (error) {
      return { ok: false, reason: injectionRefused(error), pasteHelp: pasteHelp() };
    }
    const message = pickInView(messages, choice);
    if (!message) return { ok: false, reason: t('gmailNoMessage'), pasteHelp: pasteHelp() };
    const url = gmailOriginalUrl(tab.url.origin, gmailAccountIndex(tab.url.pathname), message.id);
    let fetched: FetchedText;
    try {
      fetched = await runInTab(tab.tabId, fetchOriginal, [url, RAW_TEXT]);
    } catch (error) {
      return { ok: false, reason: t('gmailFetchFailed', error instanceof Error ? error.message : String(error)), pasteHelp: pasteHelp() };
    }
    if (!fetched.ok) return { ok: false, reason: t('gmailNoSource', fetchProblem(fetched)), pasteHelp: pasteHelp() };
    const position = messages.indexOf(message) + 1;
    return {
      ok: true,
      raw: fetched.text,
      source: {
        kind: 'gmail',
        label: messages.length > 1 ? t('sourceGmailInThread', [position, messages.length]) : t('sourceGmailOpen'),
        bytes: fetched.bytes,
      },
      choices: choicesOf(messages),
      chosen: message.id,
    };
  },
};
