import { describe, expect, it, vi } from 'vitest';

/** What pageTextCandidates finds in the tab; null: the browser refuses to run scripts there. */
let pageTexts: string[] | null = [];
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../ui/fake-i18n.js')).i18n,
    scripting: {
      executeScript: async () => {
        if (pageTexts === null) throw new Error('Cannot access contents of the page');
        return [{ result: pageTexts }];
      },
    },
  },
}));
const { gatherFrom, sourceFor, SOURCES } = await import('../../../src/sources/index.js');

const HEADERS = 'Received: from a.example by b.example; Tue, 1 Apr 2025 10:00:00 +0000\nFrom: a@a.example\nSubject: Hi\n\nBody';
const GENERIC_HELP = [
  'Open the message in your mail program or webmail.',
  'Find its "Show original", "View source" or "View message source" command (often under a "…" or "More" menu).',
  'Select all of the text it shows (Ctrl+A or ⌘A), copy it, and paste it into Hoplens.',
];

const tab = (url: string | null, mailClient = false) => ({ tabId: 1, url: url === null ? null : new URL(url), mailClient });

describe('source registry', () => {
  it('picks the adapter for each webmail and the page reader for anything else', () => {
    expect(sourceFor(tab('https://mail.google.com/mail/u/0/#inbox/FMfcgz'))?.id).toBe('gmail');
    expect(sourceFor(tab('https://mail.google.com/mail/u/0/?ik=1&view=om&permmsgid=msg-f:1'))?.id).toBe('page');
    expect(sourceFor(tab('https://outlook.office.com/mail/inbox/id/AAQk'))?.id).toBe('outlook');
    expect(sourceFor(tab('https://outlook.live.com/mail/0/'))?.id).toBe('outlook');
    expect(sourceFor(tab('https://mail.yahoo.com/d/folders/1/messages/123'))?.id).toBe('yahoo');
    expect(sourceFor(tab('https://uk.mail.yahoo.com/d/folders/1/messages/123'))?.id).toBe('yahoo');
    expect(sourceFor(tab('https://mail.aol.com/d/folders/1/messages/123'))?.id).toBe('aol');
    expect(sourceFor(tab('https://mail.yahoo.com.example.net/d/folders/1'))?.id).toBe('page');
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

describe('what the sources tell the user', () => {
  it('names every source in the browser language', () => {
    expect(SOURCES.map((s) => s.label())).toEqual([
      'Thunderbird',
      'Gmail',
      'Outlook on the web',
      "Outlook on the web (an organisation's own Exchange server)",
      'Yahoo Mail',
      'AOL Mail',
      'Fastmail',
      'Headers shown on this page',
    ]);
  });

  it('says which tabs it cannot read and gives the clicks for any mail program', async () => {
    expect(await gatherFrom(tab('chrome://extensions/'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Hoplens cannot read this tab\. Paste a message's source below\.$/),
      pasteHelp: GENERIC_HELP,
    });
    pageTexts = ['An ordinary page'];
    expect(await gatherFrom(tab('https://lists.example.org/'))).toEqual({
      ok: false,
      reason: 'This page does not show the raw headers of a message, and Hoplens has no adapter for this site.',
      pasteHelp: GENERIC_HELP,
    });
    pageTexts = null;
    const refused = await gatherFrom(tab('https://lists.example.org/'));
    expect(!refused.ok && refused.reason).toMatch(/^Hoplens could not read this tab \(Cannot access contents of the page\)\. Browsers keep extensions out/);
  });

  it('labels headers read from a page with its host', async () => {
    pageTexts = [HEADERS];
    expect(await gatherFrom(tab('https://lists.example.org/msg.txt'))).toMatchObject({
      ok: true,
      source: { kind: 'page', label: 'Headers shown on lists.example.org' },
    });
    expect(await gatherFrom(tab('file:///home/u/message.eml'))).toMatchObject({ ok: true, source: { kind: 'page', label: 'Headers shown on this page' } });
  });

  it("reads a webmail's own source view, and otherwise says why not with that webmail's clicks", async () => {
    pageTexts = [HEADERS];
    expect(await gatherFrom(tab('https://outlook.office.com/mail/'))).toMatchObject({
      ok: true,
      source: { kind: 'outlook', label: 'Outlook on the web — message source on screen' },
    });
    pageTexts = ['Inbox'];
    for (const [url, why, step] of [
      ['https://outlook.office.com/mail/', /^No message is open in this Outlook on the web tab/, 'Choose View → View message source.'],
      ['https://app.fastmail.com/mail/Inbox/', /^Fastmail gives extensions no reliable route/, 'Choose "Show raw message"; the source opens in a new tab.'],
    ] as const) {
      const result = await gatherFrom(tab(url));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(why);
      expect(!result.ok && result.pasteHelp).toHaveLength(4);
      expect(!result.ok && result.pasteHelp[2]).toBe(step);
    }
  });
});
