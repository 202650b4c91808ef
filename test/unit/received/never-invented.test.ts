import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import { CASES } from '../../fixtures/received/cases.js';
import { LONG_TAIL } from '../../fixtures/received/long-tail.js';

/**
 * Fields are read, never made up: every name, word and address a header yields is written in it.
 * The fields below are taken as written (a trailing dot or comma dropped, quoted-pairs resolved,
 * runs of white space read as one, nested comments left out of a comment's own text), so each
 * must be found in the header read one of those ways.
 */
const WRITTEN: (keyof ReceivedFields)[] = ['helo', 'rdns', 'by', 'via', 'with', 'id', 'for', 'envelopeFrom', 'authenticatedSender', 'dateRaw'];

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Runs of white space and control characters as one space, as the tokenizer reads them. */
function spaced(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ');
}

/** Quoted-pairs resolved, as in quoted strings and comments (RFC 5322 §3.2.1). */
function unquoted(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}

/**
 * The header as the tokenizer reads comments: quoted-pairs inside them resolved, comments inside
 * comments left out of the own text ("(EHLO a(x)b)" names ab), and a ")" that closes nothing
 * read as a space.
 */
function ownText(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && depth > 0) {
      // A quoted-pair only inside a comment; outside, a backslash is a word's character.
      if (depth < 2) out += text.slice(i + 1, i + 2);
      i++;
    } else if (c === '(') {
      depth++;
      if (depth < 2) out += c;
    } else if (c === ')') {
      if (depth === 0) out += ' ';
      else if (depth < 2) out += c;
      depth = Math.max(0, depth - 1);
    } else if (depth < 2) out += c;
  }
  return out;
}

function checkWritten(header: string): void {
  const f = parseReceived(header);
  const haystacks = [spaced(header), spaced(unquoted(header)), spaced(ownText(header))];
  for (const name of WRITTEN) {
    const value = f[name];
    if (value === null) continue;
    expect(typeof value, name).toBe('string');
    // The date text is kept as written, for a view to show what could not be read.
    if (name !== 'dateRaw') expect(CONTROL.test(value as string), `${name} ${JSON.stringify(value)} holds a control character`).toBe(false);
    const written = spaced(value as string);
    expect(
      haystacks.some((h) => h.includes(written)),
      `${name} ${JSON.stringify(value)} is not in ${JSON.stringify(header)}`,
    ).toBe(true);
  }
  if (f.port !== null) expect(header.includes(String(f.port)), `port ${f.port}`).toBe(true);
}

const corpus = readFileSync(new URL('../../fixtures/received/corpus.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);
const headers = [...corpus, ...CASES.map((c) => c.header), ...LONG_TAIL.map((c) => c.header)];

/** A real header with a piece of another spliced in, or a span cut out: the shapes of real headers, broken in real places. */
const mutated = fc
  .tuple(fc.constantFrom(...headers), fc.constantFrom(...headers), fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 60 }), fc.boolean())
  .map(([into, from, at, pieceAt, cutAt, length, cut]) => {
    const i = at % (into.length + 1);
    if (cut) {
      const j = cutAt % (into.length + 1);
      return into.slice(0, Math.min(i, j)) + into.slice(Math.max(i, j));
    }
    const k = pieceAt % (from.length + 1);
    return into.slice(0, i) + from.slice(k, k + length) + into.slice(i);
  });

describe('fields are never invented', () => {
  it('every header of the corpus and the case tables', () => {
    for (const h of headers) checkWritten(h);
  });

  it('headers with pieces of others spliced in or spans cut out', { timeout: 60_000 }, () => {
    fc.assert(fc.property(mutated, checkWritten), { numRuns: 20_000 });
  });

  it('control characters anywhere in a header stay out of every field', { timeout: 60_000 }, () => {
    const withControls = fc
      .tuple(
        fc.constantFrom(...headers),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u000b', '\u000c')), { minLength: 1, maxLength: 8 }),
      )
      .map(([h, inserts]) =>
        inserts.reduce((s, [at, c]) => {
          const i = at % (s.length + 1);
          return s.slice(0, i) + c + s.slice(i);
        }, h),
      );
    fc.assert(fc.property(withControls, checkWritten), { numRuns: 10_000 });
  });
});
