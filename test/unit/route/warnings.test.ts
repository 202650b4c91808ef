import { expect, test } from 'vitest';
import { analyzeHeaders } from '../../../src/core/analyze-headers.js';
import { isStalled } from '../../../src/core/route/stall.js';

const hop = (n: number): string =>
  `Received: from r${n}.example.net (r${n}.example.net [198.51.100.${n}]) by r${n + 1}.example.net with ESMTP id ${n}; Tue, 14 Oct 2025 10:00:${String(n).padStart(2, '0')} +0000`;

test('a plausible route has no warnings', async () => {
  const a = await analyzeHeaders(`${hop(2)}\n${hop(1)}\nSubject: s\nDate: Tue, 14 Oct 2025 10:00:00 +0000\n`);
  expect(a.warnings).toEqual([]);
});

test('more than 30 hops: possible loop', async () => {
  const lines = Array.from({ length: 31 }, (_, i) => hop(31 - i));
  const a = await analyzeHeaders(lines.join('\n'));
  expect(a.route.hops).toHaveLength(31);
  expect(a.warnings.map((w) => w.text)).toEqual([
    'The route has 31 hops, more than 30: a mail loop between servers, or a header stuffed with made-up Received lines.',
  ]);
});

test("Received headers below the message's own fields", async () => {
  const a = await analyzeHeaders(`${hop(2)}\nSubject: s\n${hop(1)}\n`);
  expect(a.warnings.map((w) => w.text)).toEqual([
    "One Received header sits below the message's own fields (From, Subject, Date, …). Servers add Received headers on top, so these were written by whoever composed the message, or the headers were reordered when copied: do not trust them.",
  ]);
});

test('the same Received header twice', async () => {
  const a = await analyzeHeaders(`${hop(1)}\n${hop(1)}\n`);
  expect(a.warnings.map((w) => w.text)).toEqual([
    'The Received header of the hop into r2.example.net appears more than once: a mail loop, or headers pasted twice.',
  ]);
});

test('a 30-minute stall is named with its hop; the hop is marked stalled', async () => {
  const a = await analyzeHeaders(
    [
      'Received: from r2.example.net (r2.example.net [198.51.100.2]) by r3.example.net with ESMTP id 2; Tue, 14 Oct 2025 10:30:05 +0000',
      'Received: from r1.example.net (r1.example.net [198.51.100.1]) by r2.example.net with ESMTP id 1; Tue, 14 Oct 2025 10:00:05 +0000',
    ].join('\n'),
  );
  expect(a.warnings.map((w) => w.text)).toEqual([
    'The message waited 30 min before the hop into r3.example.net (hop 2): it stalled there, in a queue, a greylisting retry or behind a server that was down.',
  ]);
  expect(a.route.hops.map(isStalled)).toEqual([false, true]);
});

test('a Date: well after the first hop', async () => {
  const a = await analyzeHeaders(`${hop(1)}\nDate: Tue, 14 Oct 2025 10:30:00 +0000\n`);
  expect(a.warnings.map((w) => w.text)).toEqual([
    "The message's Date is 29 min 59 s after its first hop into r2.example.net: the clock of the computer that wrote it is ahead.",
  ]);
});

test('no Received headers but an attached message: the error says to pick it', async () => {
  const raw = [
    'Subject: fwd',
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: message/rfc822',
    '',
    hop(1),
    'Subject: inner',
    '',
    'x',
    '--b--',
    '',
  ].join('\r\n');
  await expect(analyzeHeaders(raw)).rejects.toMatchObject({
    code: 'no-received',
    message: expect.stringContaining('It carries an attached message: analyse that one instead.'),
  });
  expect((await analyzeHeaders(raw, { embedded: 0 })).route.hops).toHaveLength(1);
});
