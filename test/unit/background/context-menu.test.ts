import { describe, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
const created: { url: string; index?: number }[] = [];
const menus: { id: string; title: string }[] = [];
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../ui/fake-i18n.js')).i18n,
    contextMenus: { removeAll: async () => void menus.splice(0), create: (item: { id: string; title: string }) => void menus.push(item) },
    runtime: { getURL: (path: string) => `chrome-extension://hoplens/${path}` },
    tabs: { create: async (props: { url: string; index?: number }) => void created.push(props) },
    scripting: { executeScript: async () => [{ result: 'Received: from a by b\nwith its line breaks' }] },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: session.get(key) }),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, v);
        },
        remove: async (key: string) => void session.delete(key),
      },
    },
  },
}));
const { createContextMenu, onContextMenuClick } = await import('../../../src/background/context-menu.js');
const { takeStash } = await import('../../../src/background/stash.js');

describe('"Analyze selected text as headers"', () => {
  it('is a menu item titled from the locale', async () => {
    createContextMenu();
    await vi.waitFor(() => expect(menus).toEqual([expect.objectContaining({ id: 'hoplens-analyze-selection', title: 'Analyze selected text as headers' })]));
  });

  it('opens the report tab beside the page on the selection, under the parameter the report tab reads', async () => {
    await onContextMenuClick(
      { menuItemId: 'hoplens-analyze-selection', selectionText: 'Received: from a by b with its line breaks', editable: false, modifiers: [] },
      { index: 2, id: 5 } as never,
    );
    const url = new URL(created.at(-1)!.url);
    expect(url.pathname).toBe('/report.html');
    expect(created.at(-1)!.index).toBe(3);
    const stashed = await takeStash(url.searchParams.get('id')!);
    expect(stashed).toEqual({ raw: 'Received: from a by b\nwith its line breaks', source: { kind: 'selection', label: 'Selected text' } });
  });
});
