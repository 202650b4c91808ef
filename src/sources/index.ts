import type { GatherResult } from '../worker-protocol.js';
import { t } from '../i18n.js';
import { aolSource } from './aol.js';
import { exchangeSource } from './exchange.js';
import { fastmailSource } from './fastmail.js';
import { gmailSource } from './gmail.js';
import { genericPasteHelp, pageSource } from './page.js';
import { outlookSource } from './outlook.js';
import { thunderbirdSource } from './thunderbird.js';
import type { MessageSource, TabContext } from './types.js';
import { yahooSource } from './yahoo.js';

/** Tried in order; the first that matches the tab gathers. `page` comes last: it takes any page. */
export const SOURCES: readonly MessageSource[] = [
  thunderbirdSource,
  gmailSource,
  outlookSource,
  exchangeSource,
  yahooSource,
  aolSource,
  fastmailSource,
  pageSource,
];

export function sourceFor(tab: TabContext): MessageSource | null {
  return SOURCES.find((s) => s.matches(tab)) ?? null;
}

export async function gatherFrom(tab: TabContext, choice?: string): Promise<GatherResult> {
  const source = sourceFor(tab);
  if (!source) return { ok: false, reason: t('sourceNone'), pasteHelp: genericPasteHelp() };
  return source.gather(tab, choice);
}
