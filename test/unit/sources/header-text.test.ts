import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeHeaders, pickHeaderText } from '../../../src/sources/header-text.js';

const HEADERS = [
  'Received: from mail.example.com (mail.example.com [203.0.113.25])',
  '\tby mx.example.net with ESMTPS; Tue, 4 Mar 2025 10:00:00 +0000',
  'From: Alice <alice@example.com>',
  'To: bob@example.net',
  'Subject: hello',
  '',
  'body',
].join('\r\n');

describe('header detection', () => {
  it('accepts a header block, with CRLF or LF, after a few lines of page text', () => {
    expect(looksLikeHeaders(HEADERS)).toBe(true);
    expect(looksLikeHeaders(HEADERS.replace(/\r\n/g, '\n'))).toBe(true);
    expect(looksLikeHeaders(`Original Message\nMessage ID\t<x@example.com>\nDownload Original\n\n${HEADERS}`)).toBe(true);
  });

  it('refuses ordinary page text and header-like text without Received', () => {
    expect(looksLikeHeaders('Inbox (3)\nCompose\nReceived: yesterday, nothing else here')).toBe(false);
    expect(looksLikeHeaders('From: a@example.com\nTo: b@example.com\nSubject: x\n\nhi')).toBe(false);
    expect(looksLikeHeaders('')).toBe(false);
  });

  it('picks the first candidate that looks like headers', () => {
    expect(pickHeaderText(['Welcome to the page', HEADERS, `${HEADERS}\nmore`])).toBe(HEADERS);
    expect(pickHeaderText(['nothing', 'here'])).toBeNull();
  });

  it('accepts the bundled sample message', () => {
    expect(looksLikeHeaders(readFileSync(new URL('../../../public/samples/sample.eml', import.meta.url), 'utf8'))).toBe(true);
  });
});
