import locale from '../../../public/_locales/en/messages.json';

interface LocaleEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

export const messages: Record<string, LocaleEntry> = locale;

/** Keys asked for that the locale lacks; only data-built keys (tOptional) may end up here. */
export const missingKeys = new Set<string>();

/**
 * chrome.i18n.getMessage's rules: $NAME$ → the placeholder's content, whose $n is substitution n.
 * Stricter than browsers, which leave a missing substitution empty: a call that passes too few
 * values is a bug the tests should see.
 */
export function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages[key];
  if (!entry) {
    missingKeys.add(key);
    return '';
  }
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => {
      const value = list[Number(n) - 1];
      if (value === undefined) throw new Error(`getMessage('${key}') has no substitution for $${n}`);
      return value;
    });
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''));
}

/** browser.i18n over the English locale, for the webextension-polyfill mocks of every unit test. */
export const i18n = { getMessage, getUILanguage: () => 'en' };
