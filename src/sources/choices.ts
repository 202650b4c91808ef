import type { MessageChoice } from '../worker-protocol.js';
import { t } from '../i18n.js';
import type { ViewedMessage } from './in-view.js';

/** The conversation's messages as the popup's chooser lists them, numbered in page order. */
export function choicesOf(messages: readonly ViewedMessage[]): MessageChoice[] {
  return messages.map((m, i) => ({ id: m.id, label: m.label ? t('choiceNamed', [i + 1, m.label]) : t('choiceNumbered', i + 1) }));
}
