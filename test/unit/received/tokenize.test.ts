import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import { parseSyntax } from '../../../src/core/received/grammar.js';
import { tokenize, unfold, type CommentToken } from '../../../src/core/received/tokenize.js';

describe('unfold', () => {
  it('removes CRLF and LF before whitespace and reads bare line breaks as spaces', () => {
    expect(unfold('from a\r\n\tby b\n c\r\nd')).toBe('from a\tby b c d');
  });
});

describe('tokenize', () => {
  it('reads nested comments with their own text, children and full text', () => {
    const { tokens, warnings } = tokenize('from a (b [1.2.3.4] (may be (very) forged)) by c');
    expect(warnings).toEqual([]);
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'word', 'comment', 'word', 'word']);
    const comment = tokens[2] as CommentToken;
    expect(comment.own).toBe('b [1.2.3.4] ');
    expect(comment.text).toBe('b [1.2.3.4] (may be (very) forged)');
    expect(comment.children.map((c) => c.own)).toEqual(['may be  forged']);
    expect(comment.children[0]?.children[0]?.text).toBe('very');
  });

  it('resolves quoted-pairs in comments and quoted strings', () => {
    const { tokens } = tokenize('("a\\)b") "c\\"d"');
    expect(tokens.map((t) => t.text)).toEqual(['"a)b"', 'c"d']);
  });

  it('keeps angle addresses and the semicolon apart from words', () => {
    const { tokens } = tokenize('for <a@b.example>;Tue (x; y)');
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'for'],
      ['angle', 'a@b.example'],
      ['semicolon', ';'],
      ['word', 'Tue'],
      ['comment', 'x; y'],
    ]);
  });

  it('reads what follows the last ";" as a date region, up to a clause keyword', () => {
    const text = 'by a; Tue, 4 Jun 2024 (CEST) "q" <r> id 1A (envelope-from x)';
    const { tokens, date } = tokenize(text);
    expect(date).not.toBeNull();
    expect(text.slice(date?.start, date?.end)).toBe('Tue, 4 Jun 2024 (CEST) "q" <r>');
    expect(date?.comments.map((c) => c.text)).toEqual(['CEST']);
    expect(tokens.map((t) => t.text)).toEqual(['by', 'a', ';', 'id', '1A', 'envelope-from x']);
    // A ";" inside a later comment: the tokens carry the date, as they do for any other ";".
    expect(tokenize('by a; Tue (x; y)').date).toBeNull();
  });

  it('warns about unbalanced parentheses and unterminated strings', () => {
    expect(tokenize('a ) b').warnings).toEqual(['unbalanced ")" ignored']);
    expect(tokenize('a (b (c)').warnings).toEqual(['unbalanced "(": comment closed at end of header']);
    expect(tokenize('a "b').warnings).toEqual(['unterminated quoted string']);
    expect(tokenize(`(${'('.repeat(40)}x${')'.repeat(41)}`).warnings).toEqual(['comments nested deeper than 32 levels read as text']);
  });

  it('reads an unclosed comment inside an unclosed one without repeating the outer text', () => {
    const { tokens } = tokenize('from a (8(b.example [192.0.2.4] by mx');
    const comment = tokens[2] as CommentToken;
    expect(comment.own).toBe('8');
    expect(comment.children.map((c) => c.own)).toEqual(['b.example [192.0.2.4] by mx']);
    expect(parseReceived('from a (8(b.example [192.0.2.4] by mx').rdns).toBeNull();
  });

  it('keeps control characters out of quoted strings, angle addresses and addresses in comments', () => {
    const header = 'from a (envelope-from <x\u0000y@example.org>) by b with "E\u001bSMTP" for <u\u0007@example.net>; Tue, 4 Jun 2024 09:00:00 +0000';
    const f = parseReceived(header);
    expect(f.raw).toBe(header);
    expect(f.envelopeFrom).toBe('x');
    expect(f.for).toBe('u @example.net');
    expect(f.date).toBe('2024-06-04T09:00:00.000Z');
    expect(f.warnings).toContain('control characters read as spaces');
    const { tokens } = tokenize(header);
    expect(tokens.filter((t) => t.kind !== 'comment').some((t) => /[\u0000-\u0008\u000a-\u001f\u007f]/.test(t.text))).toBe(false);
  });

  it('keeps 256 comments, counting nested ones, and skips the rest with a warning', () => {
    const flat = tokenize(`a ${'(x) '.repeat(300)}b`);
    expect(flat.tokens.filter((t) => t.kind === 'comment')).toHaveLength(256);
    expect(flat.tokens.map((t) => t.text).filter((t) => t !== 'x')).toEqual(['a', 'b']);
    expect(flat.warnings).toEqual(['more than 256 comments: the rest skipped']);
    const nested = tokenize(`(${'(y)'.repeat(300)}) b`);
    const outer = nested.tokens[0] as CommentToken;
    expect(outer.children).toHaveLength(255);
    expect(outer.own).toBe('(y)'.repeat(45));
    expect(nested.tokens[1]?.text).toBe('b');
    expect(nested.warnings).toEqual(['more than 256 comments: the rest skipped']);
  });
});

describe('grammar', () => {
  it('takes the date after the last top-level ";" only', () => {
    const text = 'by a with SMTP id b (c; d); Tue, 4 Jun 2024 09:38:03 +0000';
    const { tokens, date } = tokenize(text);
    const syntax = parseSyntax(text, tokens, date);
    expect(syntax.dateRaw).toBe('Tue, 4 Jun 2024 09:38:03 +0000');
    expect(syntax.clauses.map((c) => c.name)).toEqual(['by', 'with', 'id']);
  });

  it('reads the date alike from the date region and from tokens', () => {
    for (const text of ['by a; Tue, 4 Jun 2024 (envelope-from x) 09:38:03 +0000 (UTC) id 1A for <b@c>', 'by a; Tue, 4 Jun 2024 09:38:03 +0000 (x; y) id 1A']) {
      const { tokens, date } = tokenize(text);
      const fromRegion = parseSyntax(text, tokens, date);
      // The same header with its date as tokens: a ";" inside a last comment turns the region off.
      const asTokens = tokenize(`${text} (;)`);
      expect(asTokens.date).toBeNull();
      const fromTokens = parseSyntax(text, asTokens.tokens, null);
      expect(fromRegion.dateRaw).toBe(fromTokens.dateRaw);
      expect(fromRegion.trailingComments.map((c) => c.text)).toEqual(fromTokens.trailingComments.map((c) => c.text));
      expect(fromRegion.clauses.map((c) => c.name)).toEqual(fromTokens.clauses.map((c) => c.name));
    }
  });

  it('does not see clause keywords inside comments', () => {
    const text = 'from a (using TLSv1.3 with cipher X) by b with ESMTP';
    const { tokens, date } = tokenize(text);
    const syntax = parseSyntax(text, tokens, date);
    expect(syntax.clauses.map((c) => c.name)).toEqual(['from', 'by', 'with']);
  });

  it('keeps the first of repeated clauses and says so', () => {
    const f = parseReceived('from a by b by c; Tue, 4 Jun 2024 09:38:03 +0000');
    expect(f.by).toBe('b');
    expect(f.warnings).toEqual(['repeated "by" clause ignored']);
  });
});

describe('benchmark corpus', () => {
  const lines = readFileSync(new URL('../../fixtures/received/corpus.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

  it('has at least 150 unfolded header values', () => {
    expect(lines.length).toBeGreaterThanOrEqual(150);
    expect(lines.every((l) => !/[\r\n]/.test(l))).toBe(true);
  });

  it('reads a date from nearly every line and a dialect from most', () => {
    const parsed = lines.map(parseReceived);
    expect(parsed.filter((f) => f.date !== null).length / lines.length).toBeGreaterThan(0.95);
    expect(parsed.filter((f) => f.dialect !== 'generic').length / lines.length).toBeGreaterThan(0.8);
  });
});
