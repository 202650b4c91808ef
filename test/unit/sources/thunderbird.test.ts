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
const { rawMessageText, thunderbirdSource } = await import('../../../src/sources/thunderbird.js');

const RAW = 'Received: from a.example (a.example [203.0.113.25])\r\nSubject: Grüße\r\n\r\n';

describe('Thunderbird getRaw results', () => {
  it('decode a File (Thunderbird ≥ 117, MV3) as UTF-8', async () => {
    expect(await rawMessageText(new File([RAW], 'm.eml'))).toBe(RAW);
  });

  it('decode a binary string (one character per byte, older Thunderbird) to the same text', async () => {
    const binary = String.fromCharCode(...new TextEncoder().encode(RAW));
    expect(binary).not.toBe(RAW);
    expect(await rawMessageText(binary)).toBe(RAW);
  });
});

describe('Thunderbird source', () => {
  const tbTab = { tabId: 3, url: null, mailClient: true };

  it('says when no message is displayed, with the clicks to copy the source by hand', async () => {
    displayed.clear();
    expect(await thunderbirdSource.gather(tbTab)).toEqual({
      ok: false,
      reason: 'No message is displayed in this tab. Select one message and try again.',
      pasteHelp: ['Select the message in Thunderbird.', 'Choose View → Message Source (Ctrl+U).', 'Select all of its text (Ctrl+A), copy it and paste it into Hoplens.'],
    });
  });

  it('labels the displayed message by its subject, and each choice by subject and author or its number', async () => {
    displayed.clear();
    displayed.set(11, { subject: 'Grüße', author: 'a@example.com', raw: RAW });
    displayed.set(12, { raw: RAW });
    expect(await thunderbirdSource.gather(tbTab)).toEqual({
      ok: true,
      raw: RAW,
      source: { kind: 'thunderbird', label: 'Thunderbird — Grüße' },
      choices: [
        { id: '11', label: 'Grüße — a@example.com' },
        { id: '12', label: 'Message 12' },
      ],
      chosen: '11',
    });
    expect(await thunderbirdSource.gather(tbTab, '12')).toMatchObject({ source: { label: 'Thunderbird — displayed message' }, chosen: '12' });
  });
});
