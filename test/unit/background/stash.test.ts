import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.session as Chrome keeps it: 10 MB in all, a write over that refused whole. */
const QUOTA = 10 * 1024 * 1024;
const session = new Map<string, unknown>();
const used = () => [...session].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (keys: string | string[] | null) =>
          Object.fromEntries(
            (keys === null ? [...session.keys()] : [keys].flat()).flatMap((k) => (session.has(k) ? [[k, structuredClone(session.get(k))]] : [])),
          ),
        set: async (items: Record<string, unknown>) => {
          const adding = Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
          if (used() + adding > QUOTA) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (keys: string | string[]) => {
          for (const k of [keys].flat()) session.delete(k);
        },
      },
    },
  },
}));
const { LAST_TTL_MS, STASH_TTL_MS } = await import('../../../src/retention.js');
const { SHOWN_CHARS } = await import('../../../src/core/text/cap.js');
const { binaryString } = await import('../../../src/core/message/binary-string.js');
const { lastAnalysisLabel, recallLast, rememberLast, stash, sweepStale, takeStash } = await import('../../../src/background/stash.js');

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

  it('removes a stash no report tab took, after STASH_TTL_MS, in memory and in storage', async () => {
    vi.useFakeTimers();
    try {
      const id = await stash({ raw: 'Received: from a by b\r\n\r\nbody', source });
      const big = await stash({ raw: `Received: from a by b\r\n\r\n${'x'.repeat(12 * 1024 * 1024)}`, source });
      expect(session.size).toBe(1);
      await vi.advanceTimersByTimeAsync(STASH_TTL_MS + 1);
      expect(session.size).toBe(0);
      expect(await takeStash(id)).toBeNull();
      expect(await takeStash(big)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sweeps, when the worker starts, what a stopped worker left behind', async () => {
    const now = Date.now();
    session.set('stash:old', { raw: 'Received: x\r\n', source, expiresAt: now - 1 });
    session.set('stash:older-format', { raw: 'Received: x\r\n', source });
    session.set('stash:new', { raw: 'Received: y\r\n', source, expiresAt: now + 60_000 });
    session.set('last-analysis:label', { source, subject: 'z', expiresAt: now - 1 });
    session.set('last-analysis:raw', 'Received: z\r\n');
    session.set('draft', 'kept by the popup');
    await sweepStale();
    expect([...session.keys()].sort()).toEqual(['draft', 'stash:new']);
  });
});

describe('the last analysis the popup ran', () => {
  beforeEach(() => session.clear());
  // Only the header block is kept, so a big one is big in its headers.
  const big = (mb: number) => `Received: from a by b\r\nX-Big: ${'x'.repeat(mb * 1024 * 1024)}\r\n`;

  it('is kept with its subject, handed out as often as asked, and replaced by the next', async () => {
    await rememberLast({ raw: 'Subject: one\r\n', source });
    expect(await lastAnalysisLabel()).toEqual({ subject: 'one', source });
    expect(await recallLast()).toEqual({ raw: 'Subject: one\r\n', source });
    expect(await recallLast()).toEqual({ raw: 'Subject: one\r\n', source });

    const gmail = { kind: 'gmail', label: 'Gmail — message in view' };
    await rememberLast({ raw: 'Received: from a by b\r\n\r\nSubject: in the body, not a header\r\n', source: gmail });
    expect(await lastAnalysisLabel()).toEqual({ subject: null, source: gmail });
    expect((await recallLast())?.raw).toBe('Received: from a by b\r\n');
  });

  it('takes the subject from the message itself, so a popup that closes at once loses no name', async () => {
    // The popup sends remember-last and may be gone the next moment: nothing else comes from it.
    void rememberLast({ raw: 'Received: from a by b\r\nSubject: =?utf-8?B?UXVhcnRlcmx5IHJlcG9ydCDigJQgZHJhZnQgMg==?=\r\n\r\nbody', source });
    // A popup opened again at once gets this one, not the one it replaces or none.
    expect(await lastAnalysisLabel()).toEqual({ subject: 'Quarterly report — draft 2', source });
  });

  it("keeps the sender's subject as the analysis reads it, cut to SHOWN_CHARS, and a file's bytes decoded", async () => {
    // Encoded words may carry line breaks; the analysis shows none, nor does the label.
    await rememberLast({ raw: 'Subject: =?utf-8?Q?a=0D=0AFrom:_x_=E2=80=AEfdp.exe?=\r\n', source });
    expect((await lastAnalysisLabel())?.subject).toBe('a From: x \u202efdp.exe');

    await rememberLast({ raw: `Subject: ${'long '.repeat(100_000)}\r\n`, source });
    const long = (await lastAnalysisLabel())!.subject!;
    expect(Array.from(long)).toHaveLength(SHOWN_CHARS + 1);
    expect(long.endsWith('…')).toBe(true);

    const file = { kind: 'file', label: 'message.eml', bytes: true };
    await rememberLast({ raw: binaryString(new TextEncoder().encode('Subject: café ✓\r\n\r\n')), source: file });
    expect(await lastAnalysisLabel()).toEqual({ subject: 'café ✓', source: file });

    await rememberLast({ raw: 'no header here, just text', source });
    expect(await lastAnalysisLabel()).toEqual({ subject: null, source });
  });

  it('keeps two analyses started in a row in their order', async () => {
    const gmail = { kind: 'gmail', label: 'Gmail — message in view' };
    void rememberLast({ raw: 'Subject: one\r\n', source });
    void rememberLast({ raw: 'Subject: two\r\n', source: gmail });
    expect(await lastAnalysisLabel()).toEqual({ subject: 'two', source: gmail });
    expect((await recallLast())?.raw).toBe('Subject: two\r\n');
  });

  it('frees the quota of the one it replaces: two 6 MB messages in a row both fit in turn', async () => {
    await rememberLast({ raw: big(6), source });
    const second = `${big(6)}X-Second: yes\r\n`;
    await rememberLast({ raw: second, source });
    // In storage.session, not in the memory of a worker Chrome may stop at any moment.
    expect([...session.values()].filter((v) => typeof v === 'string')).toEqual([second]);
    expect((await recallLast())?.raw).toBe(second);
  });

  it('stays in memory when over the session quota, with its subject, and leaves nothing stale in storage', async () => {
    await rememberLast({ raw: 'Subject: small\r\n\r\n', source });
    await rememberLast({ raw: `Subject: big one\r\n${big(12)}`, source });
    expect(session.size).toBe(0);
    expect(await lastAnalysisLabel()).toEqual({ subject: 'big one', source });
    expect((await recallLast())?.raw.length).toBe(`Subject: big one\r\n${big(12)}`.length);
    await rememberLast({ raw: 'Subject: small again\r\n', source });
    expect((await recallLast())?.raw).toBe('Subject: small again\r\n');
  });

  it('keeps only the header block, never the body read from the page, and offers it for LAST_TTL_MS', async () => {
    // Only the clock: reading the subject (mailparser) runs on real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await rememberLast({ raw: 'Received: from a by b\r\nSubject: one\r\n\r\nDear customer, your password is hunter2', source });
      expect(JSON.stringify([...session.values()])).not.toContain('hunter2');
      expect((await recallLast())?.raw).toBe('Received: from a by b\r\nSubject: one\r\n');
      vi.setSystemTime(Date.now() + LAST_TTL_MS - 1000);
      expect(await lastAnalysisLabel()).not.toBeNull();
      vi.setSystemTime(Date.now() + 2000);
      expect(await lastAnalysisLabel()).toBeNull();
      expect(await recallLast()).toBeNull();
      expect(session.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("cannot be taken as a report tab's stash, whatever id the tab is given", async () => {
    await rememberLast({ raw: 'Subject: one\r\n', source });
    for (const id of ['last', 'last-analysis', 'last-analysis:raw', '../last-analysis:raw']) expect(await takeStash(id)).toBeNull();
    expect(await recallLast()).not.toBeNull();
  });
});
