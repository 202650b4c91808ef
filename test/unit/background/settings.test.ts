import { describe, expect, it, vi } from 'vitest';

const stored = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (stored.has(key) ? { [key]: stored.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) stored.set(k, structuredClone(v));
        },
      },
    },
  },
}));
const { DEFAULT_SETTINGS, loadSettings, normalizeSettings, saveSettings } = await import('../../../src/settings.js');

describe('settings', () => {
  it('start from the defaults', async () => {
    stored.clear();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trip through storage', async () => {
    const s = { resolver: 'custom' as const, customResolverUrl: 'http://127.0.0.1:8053/dns-query', timeoutMs: 2500, noDns: true, checkOnOpen: true };
    await saveSettings(s);
    expect(await loadSettings()).toEqual(s);
  });

  it('replace each unusable stored field with its default', () => {
    expect(normalizeSettings({ resolver: 'opendns', customResolverUrl: 5, timeoutMs: 10, noDns: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ resolver: 'quad9', timeoutMs: 1234.4 })).toEqual({ ...DEFAULT_SETTINGS, resolver: 'quad9', timeoutMs: 1234 });
    // Saved when the options allowed 60 s: as long as it can be now, half the analysis deadline.
    expect(normalizeSettings({ timeoutMs: 30_000 }).timeoutMs).toBe(10_000);
  });
});
