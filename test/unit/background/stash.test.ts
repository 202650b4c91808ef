import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.session as Chrome keeps it: 10 MB in all, a write over that refused whole. */
const QUOTA = 10 * 1024 * 1024;
const session = new Map<string, unknown>();
const used = () => [...session].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          const adding = Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
          if (used() + adding > QUOTA) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (key: string) => void session.delete(key),
      },
    },
  },
}));
const { stash, takeStash } = await import('../../../src/background/stash.js');

const source = { kind: 'paste', label: 'pasted text' };

describe('stash for the report tab', () => {
  beforeEach(() => session.clear());

  it('keeps a message in storage.session and hands it out once', async () => {
    const id = await stash({ raw: 'Received: from a by b\r\n\r\n', source });
    expect(session.size).toBe(1);
    expect(await takeStash(id)).toEqual({ raw: 'Received: from a by b\r\n\r\n', source });
    expect(await takeStash(id)).toBeNull();
    expect(session.size).toBe(0);
  });

  it('keeps a message larger than the session quota (a 12 MB .eml) instead of failing', async () => {
    const raw = `Received: from a by b\r\n\r\n${'x'.repeat(12 * 1024 * 1024)}`;
    const id = await stash({ raw, source });
    expect(session.size).toBe(0);
    expect((await takeStash(id))?.raw.length).toBe(raw.length);
    expect(await takeStash(id)).toBeNull();
  });

  it('answers null for an id it never gave out', async () => {
    expect(await takeStash('no-such-id')).toBeNull();
  });
});
