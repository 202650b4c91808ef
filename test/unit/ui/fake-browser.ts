import { vi } from 'vitest';
import locale from '../../../public/_locales/en/messages.json';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const messages: Record<string, LocaleEntry> = locale;

/** Keys asked for that the locale lacks; only data-built keys (tOptional) may end up here. */
export const missingKeys = new Set<string>();

/** chrome.i18n.getMessage's rules: $NAME$ → the placeholder's content, whose $n is substitution n. */
export function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages[key];
  if (!entry) {
    missingKeys.add(key);
    return '';
  }
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''));
}

/** What the fake storage.session holds; tests fill and read it directly. */
export const sessionItems = new Map<string, unknown>();

export const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    getURL: (path: string) => `chrome-extension://hoplens/${path}`,
    sendMessage: vi.fn(),
    connect: vi.fn(),
    openOptionsPage: vi.fn(),
  },
  storage: {
    local: { get: vi.fn(async () => ({})), set: vi.fn(async () => {}) },
    session: {
      get: vi.fn(async (key: string) => (sessionItems.has(key) ? { [key]: sessionItems.get(key) } : {})),
      set: vi.fn(async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) sessionItems.set(k, v);
      }),
      remove: vi.fn(async (key: string) => void sessionItems.delete(key)),
    },
    onChanged: { addListener: vi.fn() },
  },
  permissions: { contains: vi.fn(async () => false), request: vi.fn(async () => true) },
  tabs: { create: vi.fn() },
};
