import { describe, expect, it, vi } from 'vitest';

/** The messages Thunderbird displays in the tab, by id, with their raw text. */
const displayed = new Map<number, { subject?: string; author?: string; raw: string }>();
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../ui/fake-i18n.js')).i18n,
    messageDisplay: {
      getDisplayedMessages: async () => ({ messages: [...displayed].map(([id, m]) => ({ id, subject: m.subject, author: m.author })) }),
      getDisplayedMessage: async () => null,
    },
    messages: { getRaw: async (id: number) => new File([displayed.get(id)!.raw], 'm.eml') },
  },
}));
const { rawMessageBytes, thunderbirdSource } = await import('../../../src/sources/thunderbird.js');

const RAW = 'Received: from a.example (a.example [203.0.113.25])\r\nSubject: Grüße\r\n\r\n';

/** The bytes of RAW, one character per byte: what the worker gets, so that DKIM hashes bytes. */
const BINARY = String.fromCharCode(...new TextEncoder().encode(RAW));

describe('Thunderbird getRaw results', () => {
  it('give the bytes of a File (Thunderbird ≥ 117, MV3) one character per byte, never decoded', async () => {
    expect(BINARY).not.toBe(RAW);
    expect(await rawMessageBytes(new File([RAW], 'm.eml'))).toBe(BINARY);
  });

  it('keep a binary string (older Thunderbird) as it is', async () => {
    expect(await rawMessageBytes(BINARY)).toBe(BINARY);
  });
});

describe('Thunderbird source', () => {
  const tbTab = { tabId: 3, url: null, mailClient: true };

  it('says when no message is displayed, with the clicks to copy the source by hand', async () => {
    displayed.clear();
    expect(await thunderbirdSource.gather(tbTab)).toEqual({
      ok: false,
      reason: 'No message is displayed in this tab. Select one message and try again.',
      pasteHelp: [
        'Select the message in Thunderbird.',
        'Choose View → Message Source (Ctrl+U).',
        'Select all of its text (Ctrl+A), copy it and paste it into Hoplens.',
      ],
    });
  });

  it('labels the displayed message by its subject, and each choice by subject and author or its number', async () => {
    displayed.clear();
    displayed.set(11, { subject: 'Grüße', author: 'a@example.com', raw: RAW });
    displayed.set(12, { raw: RAW });
    expect(await thunderbirdSource.gather(tbTab)).toEqual({
      ok: true,
      raw: BINARY,
      source: { kind: 'thunderbird', label: 'Thunderbird — Grüße', bytes: true },
      choices: [
        { id: '11', label: 'Grüße — a@example.com' },
        { id: '12', label: 'Message 12' },
      ],
      chosen: '11',
    });
    expect(await thunderbirdSource.gather(tbTab, '12')).toMatchObject({ source: { label: 'Thunderbird — displayed message' }, chosen: '12' });
  });
});
