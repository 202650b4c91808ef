import { describe, expect, test } from 'vitest';
import { MAX_INPUT_SIZE, readMessage } from '../../../src/core/message/index.js';

const BLOCK = [
  'Received: from mail.example.com (mail.example.com [203.0.113.25])',
  '\tby mx.example.net (Postfix) with ESMTPS id 4Qz',
  '\tfor <a@example.net>; Tue, 14 Oct 2025 10:00:05 +0000',
  'Received: from pc ([10.1.2.3]) by mail.example.com; Tue, 14 Oct 2025 10:00:02 +0000',
  'Subject: =?UTF-8?Q?caf=C3=A9?=',
  'From: =?UTF-8?Q?Ren=C3=A9?= <rene@example.com>',
  'To: a@example.net, "B" <b@example.net>',
  'Return-Path: <bounce@example.com>',
  'Date: Tue, 14 Oct 2025 10:00:01 +0000',
  'Message-ID: <m1@example.com>',
];
const names = ['Received', 'Received', 'Subject', 'From', 'To', 'Return-Path', 'Date', 'Message-ID'];

async function fieldNames(text: string): Promise<string[]> {
  return (await readMessage(text)).info.headers.map((h) => h.name);
}

describe('readMessage', () => {
  test('header block: order, names as written, unfolding, decoding only where meant', async () => {
    const { info, embedded, embeddedIndex } = await readMessage(BLOCK.join('\n'));
    expect(info.headers.map((h) => h.name)).toEqual(names);
    expect(info.headers[0]!.value).toBe(
      'from mail.example.com (mail.example.com [203.0.113.25])\tby mx.example.net (Postfix) with ESMTPS id 4Qz\tfor <a@example.net>; Tue, 14 Oct 2025 10:00:05 +0000',
    );
    expect(info).toMatchObject({
      subject: 'café',
      from: 'rene@example.com',
      fromDisplay: 'René',
      to: ['a@example.net', 'b@example.net'],
      returnPath: 'bounce@example.com',
      date: '2025-10-14T10:00:01.000Z',
      messageId: '<m1@example.com>',
      headersOnly: true,
    });
    expect(info.headers[2]!.value).toBe('café');
    expect(embedded).toEqual([]);
    expect(embeddedIndex).toBeNull();
  });

  test('CRLF, Uint8Array, body present', async () => {
    const raw = new TextEncoder().encode(`${BLOCK.join('\r\n')}\r\n\r\nbody\r\n`);
    const { info } = await readMessage(raw);
    expect(info.headers.map((h) => h.name)).toEqual(names);
    expect(info.headersOnly).toBe(false);
  });

  test('raw UTF-8 in a header is read as UTF-8', async () => {
    const { info } = await readMessage(new TextEncoder().encode('Received: from a by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000\nSubject: Grüße\n'));
    expect(info.subject).toBe('Grüße');
    expect(info.headers[1]!.value).toBe('Grüße');
  });

  test('an 8-bit header line that is not UTF-8 is read as Latin-1 (windows-1252); UTF-8 lines stay UTF-8', async () => {
    const latin1 = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
    const raw = Uint8Array.from([
      ...latin1('Received: from a by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000\r\nSubject: caf\u00e9 \u0080\r\nFrom: Ren\u00e9 <rene@example.com>\r\n'),
      ...new TextEncoder().encode('X-Note: Grüße \ufffd\r\n\r\nbody\r\n'),
    ]);
    const { info } = await readMessage(raw);
    expect(info.subject).toBe('café €');
    expect(info.fromDisplay).toBe('René');
    expect(info.headers.find((h) => h.name === 'X-Note')?.value).toBe('Grüße \ufffd');
  });

  test('a header block saved as UTF-16 with a byte order mark is read as text', async () => {
    const text = 'Received: from a by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000\r\nSubject: Grüße\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect((await readMessage(le)).info.subject).toBe('Grüße');
    expect((await readMessage(be)).info.subject).toBe('Grüße');
  });

  test('binary bytes without a NUL are still refused once decoded as windows-1252', async () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 1 + (seed % 255);
    });
    await expect(readMessage(noise)).rejects.toMatchObject({ code: 'binary' });
  });

  test("line breaks decoded from encoded words do not survive into the subject or the sender's name", async () => {
    const { info } = await readMessage(
      [
        'Received: from a by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000',
        'Subject: =?UTF-8?Q?hello=0D=0A-_iprev_pass?=',
        'From: =?UTF-8?Q?Eve=0ASecurity?= <eve@example.com>',
        '',
      ].join('\n'),
    );
    expect(info.subject).toBe('hello - iprev pass');
    expect(info.fromDisplay).toBe('Eve Security');
    expect(info.headers.map((h) => h.value).filter((v) => /[\r\n]/.test(v))).toEqual([]);
  });

  test('pasted shapes all give the same header block', async () => {
    const lf = BLOCK.join('\n');
    expect(await fieldNames(`\n\n  \n${lf}\n`)).toEqual(names);
    expect(await fieldNames(`From bounce@example.com Tue Oct 14 10:00:05 2025\n${lf}\n\nbody`)).toEqual(names);
    expect(await fieldNames(BLOCK.map((l) => `   ${l}`).join('\n'))).toEqual(names);
    expect(await fieldNames(BLOCK.join('\n\n'))).toEqual(names);
    expect(await fieldNames(`Delivered-To: a@example.net\n\n${lf}\n\nbody`)).toEqual(['Delivered-To', ...names]);
    expect(
      await fieldNames(`Original message\nMessage ID\t<m1@example.com>\nFrom:\tRené <rene@example.com>\n\nDownload original\tCopy to clipboard\n${lf}\n`),
    ).toEqual(names);
  });

  test('a continuation that lost its indentation stays with its field', async () => {
    const { info } = await readMessage('Received: from a\nby b.example.net; Tue, 14 Oct 2025 10:00:05 +0000\nSubject: s\n');
    expect(info.headers).toEqual([
      { name: 'Received', value: 'from a by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000' },
      { name: 'Subject', value: 's' },
    ]);
  });

  test('an unreadable Date is null, not "now"', async () => {
    expect((await readMessage('Subject: s\nDate: sometime soon\n')).info.date).toBeNull();
  });

  test('no Received headers is not an error here', async () => {
    expect((await readMessage('Subject: s\n')).info.headers).toEqual([{ name: 'Subject', value: 's' }]);
  });
});

describe('refused input', () => {
  test.each([
    ['', 'empty'],
    [' \r\n\t\n', 'empty'],
    ['hello, this is just a sentence\nand another one', 'not-a-message'],
    ['\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'binary'],
    [`Subject: x\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n`, 'binary'],
  ])('%j → %s', async (input, code) => {
    await expect(readMessage(input)).rejects.toMatchObject({ name: 'InputError', code });
  });

  test('over the size limit, refused before parsing', async () => {
    expect(MAX_INPUT_SIZE).toBeGreaterThanOrEqual(25 * 1024 * 1024);
    await expect(readMessage(new Uint8Array(MAX_INPUT_SIZE + 1))).rejects.toMatchObject({ code: 'too-large' });
    await expect(readMessage('x'.repeat(MAX_INPUT_SIZE + 1))).rejects.toMatchObject({ code: 'too-large', message: expect.stringContaining('40 MB') });
  });

  test('an Outlook .msg file is named as such, with what to do instead', async () => {
    const msg = new Uint8Array(4096);
    msg.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readMessage(msg)).rejects.toMatchObject({
      code: 'binary',
      message: expect.stringMatching(/^This is an Outlook \.msg file.*"Internet headers"/),
    });
  });

  test('an mbox of several messages: the first is read and the count is told', async () => {
    const one = (n: number): string =>
      [
        `From sender${n}@example.com Mon Oct 13 0${n}:00:00 2025`,
        `Received: from a by b; Mon, 13 Oct 2025 0${n}:00:00 +0000`,
        `Subject: message ${n}`,
        'From: s@example.com',
        '',
        `body ${n}`,
        'From here on, a line that is no separator',
        '',
      ].join('\n');
    const read = await readMessage([one(1), one(2), one(3)].join('\n'));
    expect(read.info.subject).toBe('message 1');
    expect(read.messagesInInput).toBe(3);
    expect((await readMessage(one(1))).messagesInInput).toBe(1);
    expect((await readMessage(BLOCK.join('\n'))).messagesInInput).toBe(1);
  });

  test("a blank line inside a pasted header block (Outlook's Internet headers box) does not end it", async () => {
    const split = await readMessage([...BLOCK.slice(0, 3), '', BLOCK[3], '', ...BLOCK.slice(4)].join('\r\n'));
    expect(split.info.headers.map((h) => h.name)).toEqual(names);
    expect(split.info.headersOnly).toBe(true);
    // Once From and Date have been read, a blank line ends the block even if the body looks like fields.
    const body = await readMessage(`${BLOCK.join('\n')}\n\nReceived: pasted into the body\nNote: so was this\n`);
    expect(body.info.headers.map((h) => h.name)).toEqual(names);
    expect(body.info.headersOnly).toBe(false);
  });

  test('asking for an embedded message that is not there', async () => {
    await expect(readMessage('Subject: s\n', { embedded: 0 })).rejects.toMatchObject({
      code: 'no-such-embedded',
      message: 'There is no attached message number 1: this message carries none.',
    });
  });
});

test('an attached "message" that is not one is left out of the list', async () => {
  const raw = [
    'Subject: outer',
    'Content-Type: multipart/mixed; boundary=b',
    '',
    '--b',
    'Content-Type: message/rfc822',
    '',
    'just words here',
    '',
    '--b',
    'Content-Type: message/rfc822',
    '',
    'Subject: inner',
    '',
    'x',
    '--b--',
    '',
  ].join('\r\n');
  expect((await readMessage(raw)).embedded).toEqual([{ index: 0, subject: 'inner', from: null, date: null }]);
});
