import { binaryBytes } from '../core/message/binary-string.js';
import { senderVerdict, type SenderVerdict } from '../core/report/sender-verdict.js';
import { t } from '../i18n.js';
import { loadSettings } from '../settings.js';
import { listedMessages, rawMessageBytes, type TbMessageList, thunderbirdApi, type ThunderbirdApi } from '../sources/thunderbird.js';
import { analyzeThrough, settingsResolver } from './analysis.js';
import { reportCache } from './report-cache.js';

type Button = NonNullable<ThunderbirdApi['messageDisplayAction']>;

const COLORS: Record<SenderVerdict['level'], string> = { pass: '#1a7f37', warn: '#9a6700', fail: '#cf222e', unchecked: '#57606a' };

/** Per tab, the message whose verdict its button may show: a later display replaces it. */
const shownIn = new Map<number, number>();
/** Tabs whose button carries a verdict, to be cleared when the option is turned off. */
const badged = new Set<number>();

/**
 * Thunderbird's automatic check of displayed messages: each one is analysed (from the
 * report store when it was before) and the message button shows the sender's verdict as its
 * badge and title. Registered at the background's top level; does nothing elsewhere or while
 * the option is off.
 */
export function watchDisplayedMessages(): void {
  const api = thunderbirdApi();
  const button = api?.messageDisplayAction;
  if (!api?.messageDisplay.onMessagesDisplayed || !button) return;
  api.messageDisplay.onMessagesDisplayed.addListener((tab, displayed) => {
    if (tab.id !== undefined) void onDisplayed(api, button, tab.id, displayed);
  });
}

async function onDisplayed(api: ThunderbirdApi, button: Button, tabId: number, displayed: TbMessageList): Promise<void> {
  const messages = listedMessages(displayed);
  // Several messages at once (a thread summary) have no one sender to judge.
  const message = messages.length === 1 ? messages[0]! : null;
  if (message) shownIn.set(tabId, message.id);
  else shownIn.delete(tabId);
  try {
    const { checkOnOpen } = await loadSettings();
    if (!checkOnOpen || !message) {
      if (badged.delete(tabId)) await show(button, tabId, null);
      return;
    }
    await show(button, tabId, { text: '…', title: t('autoCheckRunning'), color: COLORS.unchecked });
    let shown: { text: string; title: string; color: string };
    try {
      // The same bytes the popup's analysis of this message reads: one key in the store.
      const raw = binaryBytes(await rawMessageBytes(await api.messages.getRaw(message.id)));
      const verdict = senderVerdict(await analyzeThrough(raw, reportCache, settingsResolver));
      shown = { text: verdict.mark, title: t('autoCheckTitle', verdict.title), color: COLORS[verdict.level] };
    } catch (error) {
      shown = { text: '?', title: t('autoCheckFailed', error instanceof Error ? error.message : String(error)), color: COLORS.unchecked };
    }
    if (shownIn.get(tabId) === message.id) await show(button, tabId, shown);
  } catch {
    // The tab closed while its message was being checked: nothing left to show the verdict on.
  }
}

async function show(button: Button, tabId: number, shown: { text: string; title: string; color: string } | null): Promise<void> {
  if (shown) badged.add(tabId);
  // The mark last: whoever sees it sees its title already.
  await button.setTitle({ tabId, title: shown?.title ?? null });
  await button.setBadgeBackgroundColor({ tabId, color: shown?.color ?? null });
  await button.setBadgeText({ tabId, text: shown?.text ?? null });
}
