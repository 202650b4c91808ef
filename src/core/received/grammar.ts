import type { HostInfo } from './hostinfo.js';
import type { ClauseName } from './keywords.js';
import { Warnings, type CommentToken, type DateRegion, type Token, type WordToken } from './tokenize.js';

/**
 * Clause structure of a Received: value (RFC 5321 §4.4, RFC 5322 §3.6.7):
 *
 *   received  = [leading] *clause [";" date [trailing]]
 *   clause    = ("from" / "by" / "via" / "with" / "id" / "for") value *(word / comment / ...)
 *
 * A keyword starts a clause only at top level (never inside a comment) and only once the
 * current clause has a token, so "from from by x" reads as from = "from", while in
 * "from ([192.0.2.1]) by x" (a from clause that is only its TCP-info) "by" starts a clause. The date is what
 * follows the last top-level ";". Words after the date may still carry a clause (Courier
 * writes "; date id …"), and Sendmail writes "(envelope-from …)" there.
 */

export type { ClauseName } from './keywords.js';

export interface Clause {
  name: ClauseName;
  keyword: WordToken;
  /** Tokens after the keyword, up to the next clause. */
  tokens: Token[];
  /** The comments among the tokens, listed once on first use: every dialect looks at them. */
  comments?: CommentToken[];
  /** leadingWords, joined once on first use. */
  words?: string | null;
  /** The first characters of its comments as one bit set, made on first use (dialects/marks.ts). */
  commentStarts?: number;
}

export interface ReceivedSyntax {
  /** The unfolded value. */
  text: string;
  /** Tokens before the first clause (qmail's "(qmail 123 invoked by uid 89)"). */
  leading: Token[];
  /** All clauses in order, repeats included. */
  clauses: Clause[];
  /** The first clause of each name: the one that counts. */
  first: Partial<Record<ClauseName, Clause>>;
  dateRaw: string | null;
  /** Comments after the date that are not part of it (Sendmail's "(envelope-from …)"). */
  trailingComments: CommentToken[];
  warnings: string[];
  /** The host info after "from", read once on first use (generic.ts fromHostInfo): the generic reading and dialects all ask. */
  hostInfo?: HostInfo | null;
}

function isKeyword(t: Token | undefined): t is WordToken & { keyword: ClauseName } {
  return t !== undefined && t.kind === 'word' && t.keyword !== null;
}

/** The clauses and date of a value, from its tokens and (when the tokenizer read one) its date region. */
export function parseSyntax(text: string, tokens: Token[], date: DateRegion | null): ReceivedSyntax {
  const warnings = new Warnings();
  let lastSemicolon = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i]?.kind === 'semicolon') {
      lastSemicolon = i;
      break;
    }
  }
  const leading: Token[] = [];
  const clauses: Clause[] = [];
  readClauses(tokens, 0, lastSemicolon >= 0 ? lastSemicolon : tokens.length, leading, clauses, warnings);

  const span = new Span();
  const trailingComments: CommentToken[] = [];
  if (date !== null) {
    if (date.start >= 0) span.extend(date);
    for (let i = 0; i < date.comments.length; i++) dateComment(date.comments[i] as CommentToken, span, trailingComments);
    if (lastSemicolon + 1 < tokens.length) readClauses(tokens, lastSemicolon + 1, tokens.length, [], clauses, warnings);
  } else if (lastSemicolon >= 0) {
    let i = lastSemicolon + 1;
    for (; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (isKeyword(t)) break;
      if (t.kind === 'comment') dateComment(t, span, trailingComments);
      else span.extend(t);
    }
    if (i < tokens.length) readClauses(tokens, i, tokens.length, [], clauses, warnings);
  } else {
    const unterminated = splitUnterminatedDate(clauses);
    if (unterminated.length > 0) {
      warnings.add('date not preceded by ";"');
      for (const t of unterminated) span.extend(t);
    }
  }

  // Every key present from the start: one object shape for every header, so that each
  // "syntax.first.from" in the readers stays a monomorphic property load.
  const first: Partial<Record<ClauseName, Clause>> = { from: undefined, by: undefined, via: undefined, with: undefined, id: undefined, for: undefined };
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as Clause;
    if (!claimFirst(first, c)) warnings.add(`repeated "${c.name}" clause ignored`);
  }
  const dateRaw = span.start >= 0 ? text.slice(span.start, span.end) : null;
  return { text, leading, clauses, first, dateRaw, trailingComments, warnings: warnings.list(), hostInfo: undefined };
}

/**
 * Makes c the first of its name unless one came before; false when one did. A switch on the name
 * and named properties, not first[c.name]: a property looked up by a changing name is a slow
 * lookup every time.
 */
function claimFirst(first: Partial<Record<ClauseName, Clause>>, c: Clause): boolean {
  switch (c.name) {
    case 'from':
      if (first.from !== undefined) return false;
      first.from = c;
      return true;
    case 'by':
      if (first.by !== undefined) return false;
      first.by = c;
      return true;
    case 'via':
      if (first.via !== undefined) return false;
      first.via = c;
      return true;
    case 'with':
      if (first.with !== undefined) return false;
      first.with = c;
      return true;
    case 'id':
      if (first.id !== undefined) return false;
      first.id = c;
      return true;
    case 'for':
      if (first.for !== undefined) return false;
      first.for = c;
      return true;
  }
}

/** Where the date's text starts and ends: from the first of its elements to the last. */
class Span {
  start = -1;
  end = -1;

  extend(t: { start: number; end: number }): void {
    if (this.start < 0 || t.start < this.start) this.start = t.start;
    if (t.end > this.end) this.end = t.end;
  }
}

const ENVELOPE_FROM = /^envelope-from\b/i;

/** A comment after the date: Sendmail's "(envelope-from …)" is not part of it, "(CEST)" is. */
function dateComment(t: CommentToken, span: Span, trailing: CommentToken[]): void {
  if ((t.trimmed.charCodeAt(0) | 32) === 101 && ENVELOPE_FROM.test(t.trimmed)) trailing.push(t);
  else span.extend(t);
}

function readClauses(tokens: Token[], from: number, to: number, leading: Token[], clauses: Clause[], warnings: Warnings): void {
  let current: Clause | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (isKeyword(t) && (current === null || current.tokens.length > 0)) {
      const clause: Clause = { name: t.keyword, keyword: t, tokens: [], comments: undefined, words: undefined, commentStarts: undefined };
      clauses.push(clause);
      current = clause;
    } else if (current !== null) {
      current.tokens.push(t);
    } else {
      leading.push(t);
    }
    if (t.kind === 'semicolon') warnings.add('";" before the last one ignored');
  }
}

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?$/i;
const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Some senders (SendGrid) omit the ";": take a date that starts after the value of the last
 * clause, and remove it from that clause.
 */
function splitUnterminatedDate(clauses: Clause[]): Token[] {
  const last = clauses[clauses.length - 1];
  if (last === undefined) return [];
  const tokens = last.tokens;
  const valueAt = tokens.findIndex((t) => t.kind !== 'comment');
  for (let i = valueAt + 1; i > 0 && i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    const next = tokens[i + 1];
    const startsDate = WEEKDAY.test(t.text) || ISO_DAY.test(t.text) || (/^\d{1,2}$/.test(t.text) && next?.kind === 'word' && MONTH.test(next.text));
    if (startsDate) return tokens.splice(i);
  }
  return [];
}

/** The first word, quoted string or angle address of a clause. */
export function clauseValue(c: Clause | undefined): Token | null {
  if (c === undefined) return null;
  for (let i = 0; i < c.tokens.length; i++) {
    const t = c.tokens[i] as Token;
    if (t.kind !== 'comment') return t;
  }
  return null;
}

const NO_COMMENTS: CommentToken[] = [];

export function clauseComments(c: Clause | undefined): CommentToken[] {
  if (c === undefined) return NO_COMMENTS;
  c.comments ??= c.tokens.filter((t): t is CommentToken => t.kind === 'comment');
  return c.comments;
}

/**
 * Consecutive words at the start of a clause ("Frontend Transport", "Microsoft SMTP Server"),
 * joined once on first use: the generic reading and several dialects ask.
 */
export function leadingWords(c: Clause | undefined): string | null {
  if (c === undefined) return null;
  if (c.words === undefined) {
    let words: string | null = null;
    for (const t of c.tokens) {
      if (t.kind !== 'word') break;
      words = words === null ? t.text : `${words} ${t.text}`;
    }
    c.words = words;
  }
  return c.words;
}
