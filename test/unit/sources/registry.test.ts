import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { sourceFor, SOURCES } = await import('../../../src/sources/index.js');

const tab = (url: string | null, mailClient = false) => ({ tabId: 1, url: url === null ? null : new URL(url), mailClient });

describe('source registry', () => {
  it('picks the adapter for each webmail and the page reader for anything else', () => {
    expect(sourceFor(tab('https://mail.google.com/mail/u/0/#inbox/FMfcgz'))?.id).toBe('gmail');
    expect(sourceFor(tab('https://mail.google.com/mail/u/0/?ik=1&view=om&permmsgid=msg-f:1'))?.id).toBe('page');
    expect(sourceFor(tab('https://outlook.office.com/mail/inbox/id/AAQk'))?.id).toBe('outlook');
    expect(sourceFor(tab('https://outlook.live.com/mail/0/'))?.id).toBe('outlook');
    expect(sourceFor(tab('https://mail.yahoo.com/d/folders/1/messages/123'))?.id).toBe('yahoo');
    expect(sourceFor(tab('https://app.fastmail.com/mail/Inbox/'))?.id).toBe('fastmail');
    expect(sourceFor(tab('https://lists.example.org/archive/msg.txt'))?.id).toBe('page');
    expect(sourceFor(tab('file:///home/u/message.eml'))?.id).toBe('page');
  });

  it('leaves browser and extension pages alone and sends Thunderbird tabs to Thunderbird', () => {
    expect(sourceFor(tab('chrome://extensions/'))).toBeNull();
    expect(sourceFor(tab('chrome-extension://abc/popup.html'))).toBeNull();
    expect(sourceFor(tab(null))).toBeNull();
    expect(sourceFor(tab(null, true))?.id).toBe('thunderbird');
  });

  it('has one module per source with a distinct id', () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('page');
  });
});
