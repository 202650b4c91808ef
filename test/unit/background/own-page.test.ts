import { describe, expect, it, vi } from 'vitest';

const listeners: { connect?: (port: unknown) => void; message?: (message: unknown, sender: unknown) => unknown } = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'hoplens-id',
      getURL: (path: string) => `chrome-extension://hoplens-id/${path}`,
      onConnect: { addListener: (l: typeof listeners.connect) => (listeners.connect = l) },
      onMessage: { addListener: (l: typeof listeners.message) => (listeners.message = l) },
      onInstalled: { addListener: () => {} },
    },
    contextMenus: { onClicked: { addListener: () => {} } },
    storage: { session: { set: async () => {}, get: async () => ({}), remove: async () => {} } },
  },
}));
const { fromOwnPage } = await import('../../../src/background/own-page.js');
await import('../../../src/background/main.js');

const popup = { id: 'hoplens-id', url: 'chrome-extension://hoplens-id/popup.html' };
const injected = { id: 'hoplens-id', url: 'https://mail.google.com/mail/u/0/', frameId: 0 };

describe('who may talk to the worker', () => {
  it("is the extension's own pages only", () => {
    expect(fromOwnPage(popup)).toBe(true);
    expect(fromOwnPage({ id: 'hoplens-id', url: 'chrome-extension://hoplens-id/report.html?id=1' })).toBe(true);
    expect(fromOwnPage(injected)).toBe(false);
    expect(fromOwnPage({ id: 'hoplens-id' })).toBe(false);
    expect(fromOwnPage({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' })).toBe(false);
    expect(fromOwnPage({ id: 'hoplens-id', url: 'chrome-extension://hoplens-id-evil/popup.html' })).toBe(false);
    expect(fromOwnPage(undefined)).toBe(false);
  });

  it('answers runtime requests from its pages and ignores the same request from a web page', async () => {
    const request = { type: 'stash', raw: 'Received: from a by b', source: { kind: 'paste', label: 'pasted' } };
    expect(listeners.message!(request, injected)).toBeUndefined();
    expect(listeners.message!(request, { id: 'hoplens-id' })).toBeUndefined();
    await expect(listeners.message!(request, popup)).resolves.toEqual({ id: expect.any(String) });
  });

  it('closes an analysis port opened from anywhere but its pages, before it carries a request', () => {
    const port = (sender: object) => ({
      name: 'hoplens-analysis',
      sender,
      disconnect: vi.fn(),
      postMessage: vi.fn(),
      onMessage: { addListener: vi.fn() },
      onDisconnect: { addListener: vi.fn() },
    });
    const fromPage = port(injected);
    listeners.connect!(fromPage);
    expect(fromPage.disconnect).toHaveBeenCalled();
    expect(fromPage.onMessage.addListener).not.toHaveBeenCalled();
    const fromPopup = port(popup);
    listeners.connect!(fromPopup);
    expect(fromPopup.disconnect).not.toHaveBeenCalled();
    expect(fromPopup.onMessage.addListener).toHaveBeenCalled();
  });
});
