import fc from 'fast-check';
import { expect, test } from 'vitest';
import { analyzeHeaders } from '../../../src/core/analyze-headers.js';
import { readMessage } from '../../../src/core/message/index.js';
import { InputError } from '../../../src/core/message/types.js';

const fragment = fc.constantFrom(
  'Received: ',
  'from ',
  'by ',
  'with ESMTP ',
  'id ',
  'for <a@example.net>',
  '; Tue, 14 Oct 2025 10:00:05 +0000',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '"',
  '\\',
  ';',
  '=',
  ':',
  '\r\n',
  '\n',
  '\n\t',
  '\r',
  ' ',
  '\u0000',
  '=?UTF-8?B?',
  '?=',
  '203.0.113.25',
  '2001:db8::1',
  '10.0.0.1',
  'Content-Type: multipart/mixed; boundary=b\n',
  '--b\n',
  '--b--\n',
  'Content-Type: message/rfc822\n\n',
  'Authentication-Results: ',
  'Received-SPF: ',
  'spf=pass ',
  'client-ip=',
  'From ',
  'Subject: ',
  'Return-Path: <>\n',
  'Original message\n',
  'Delivered-To: a@example.net\n',
);

const messageLike = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 80 }).map((parts) => parts.join(''));
const anyInput = fc.oneof(messageLike, fc.string({ unit: 'binary', maxLength: 400 }));

/** Either a result or an InputError; anything else (a crash, another error type) fails the property. */
async function settles(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    return err instanceof InputError;
  }
}

test('readMessage and analyzeHeaders return or throw InputError for any input', async () => {
  await fc.assert(
    fc.asyncProperty(anyInput, fc.option(fc.nat(3), { nil: undefined }), async (input, embedded) => {
      expect(await settles(() => readMessage(input, { embedded }))).toBe(true);
      expect(await settles(() => analyzeHeaders(input, { embedded }))).toBe(true);
      expect(await settles(() => analyzeHeaders(new TextEncoder().encode(input)))).toBe(true);
    }),
    { numRuns: 200 },
  );
}, 60_000);

test('deeply nested embedded messages end at the depth limit', async () => {
  let inner = 'Received: from a ([203.0.113.1]) by b.example.net; Tue, 14 Oct 2025 10:00:05 +0000\r\nSubject: level 0\r\n\r\nx\r\n';
  for (let level = 1; level <= 12; level++) {
    inner = [
      `Subject: level ${level}`,
      `Content-Type: multipart/mixed; boundary=b${level}`,
      '',
      `--b${level}`,
      'Content-Type: message/rfc822',
      '',
      inner,
      `--b${level}--`,
      '',
    ].join('\r\n');
  }
  const { embedded } = await readMessage(inner);
  expect(embedded.map((e) => e.subject)).toEqual(['level 11', 'level 10', 'level 9', 'level 8', 'level 7', 'level 6', 'level 5', 'level 4']);
});
