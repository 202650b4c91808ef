import { vi } from 'vitest';
import { i18n } from './fake-i18n.js';

/** What the fake storage.session holds; tests fill and read it directly. */
export const sessionItems = new Map<string, unknown>();

export const browser = {
  i18n,
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
