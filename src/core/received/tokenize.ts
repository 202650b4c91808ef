/**
 * Lexical structure of a Received: value (RFC 5322 §3.2): words (atoms, dot-atoms and domain
 * literals alike), quoted strings, comments that nest and contain quoted-pairs, angle
 * addresses and the ";" that precedes the date. One pass over the input, no backtracking.
 */

import { type ClauseName, keywordAt } from './keywords.js';

export interface WordToken {
  kind: 'word';
  text: string;
  /** The clause this word would start, when it is a clause keyword (keywords.ts). */
  keyword: ClauseName | null;
  start: number;
  end: number;
}

export interface QuotedToken {
  kind: 'quoted';
  /** Content with quoted-pairs resolved. */
  text: string;
  start: number;
  end: number;
}

export interface AngleToken {
  kind: 'angle';
  /** Content between "<" and ">". */
  text: string;
  start: number;
  end: number;
}

export interface SemicolonToken {
  kind: 'semicolon';
  text: ';';
  start: number;
  end: number;
}

export interface CommentToken {
  kind: 'comment';
  /** Everything between the parentheses, nested comments included, quoted-pairs resolved. */
  readonly text: string;
  /** The text at this level only, nested comments left out. */
  own: string;
  /** `own` without the white space around it, made once: every dialect's marks compare it. */
  readonly trimmed: string;
  /** Nested comments, in order. */
  children: CommentToken[];
  start: number;
  end: number;
}

export type Token = WordToken | QuotedToken | AngleToken | SemicolonToken | CommentToken;

/**
 * What follows the last ";" of a value, up to a clause keyword or the end: the date (RFC 5322
 * §3.6.7), read by the grammar as one span. Its words are not made into tokens: a third of a
 * header's words are the date's, and the date parser reads the text, not them.
 */
export interface DateRegion {
  /** Where its first word, quoted string or angle address starts, and where its last ends; -1 when it has none. */
  start: number;
  end: number;
  /** Its comments, in order ("(CEST)", Sendmail's "(envelope-from …)"). */
  comments: CommentToken[];
}

export interface TokenizeResult {
  tokens: Token[];
  warnings: string[];
  /**
   * The region after the last ";" when that ";" is the last in the whole value. Otherwise (a ";"
   * after it inside a comment, quoted string or angle address) null, and the region's tokens
   * are in `tokens`.
   */
  date: DateRegion | null;
}

/** RFC 5322 §2.2.3 unfolding, plus bare line breaks (pasted headers) read as spaces. */
export function unfold(value: string): string {
  if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
  return value.replace(/\r?\n(?=[ \t])/g, '').replace(/[\r\n]+/g, ' ');
}

/** Character classes for the scanner, by char code below 128; everything above is a word character. */
const SPACE = 1;
const CONTROL = 2;
const SPECIAL = 3;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 32; c++) CLASS[c] = CONTROL;
CLASS[127] = CONTROL;
CLASS[32] = SPACE;
CLASS[9] = SPACE;
for (const c of '()"<;') CLASS[c.charCodeAt(0)] = SPECIAL;

/** Where the word starting at i ends: at white space, a control character or one of ( ) " < ;. */
function wordEnd(input: string, i: number, n: number): number {
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c < 128 && CLASS[c] !== 0) return i;
    i++;
  }
  return n;
}

/**
 * C0 controls and DEL are not atext, qtext or dtext (RFC 5322 §3.2.3–§3.4.1): they end a word
 * like white space does, and in a quoted string or angle address they are read as spaces, so
 * that no name or address carries a NUL or an escape sequence. A comment keeps them; its readers
 * end names and addresses at them (hostinfo.ts Words, generic.ts readComments). The header as
 * written keeps them, for a view to show them as markers.
 */
const CONTROL_CHAR = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const CONTROL_CHARS = new RegExp(CONTROL_CHAR.source, 'g');
const CONTROLS_AS_SPACE = 'control characters read as spaces';

/** Deeper nesting is read as text: no MTA nests that far, and hostile input must stay cheap. */
const MAX_DEPTH = 32;
/**
 * Comments kept per header, nested ones included. Real headers have a handful; past this, a
 * comment is scanned but not kept, so that a megabyte of "(x) " does not become a quarter of a
 * million objects for the garbage collector to carry.
 */
const MAX_COMMENT_TOKENS = 256;
const TOO_MANY_COMMENTS = `more than ${MAX_COMMENT_TOKENS} comments: the rest skipped`;

interface OpenComment {
  start: number;
  /** Where this level's current run of own text began. */
  segment: number;
  parts: string[] | null;
  children: CommentToken[] | null;
}

const NO_CHILDREN: CommentToken[] = [];

/**
 * The full text is computed on demand: building it at every nesting level would copy the
 * inner text once per level.
 */
class Comment implements CommentToken {
  readonly kind = 'comment' as const;
  readonly own: string;
  readonly trimmed: string;
  readonly children: CommentToken[];
  readonly start: number;
  readonly end: number;
  readonly #input: string;
  readonly #innerEnd: number;
  #text: string | undefined;

  constructor(input: string, start: number, segment: number, parts: string[] | null, children: CommentToken[] | null, innerEnd: number, end: number) {
    this.#input = input;
    this.#innerEnd = innerEnd;
    this.start = start;
    this.end = end;
    this.children = children ?? NO_CHILDREN;
    const tail = input.slice(segment, innerEnd);
    this.own = unquote(parts === null ? tail : parts.join('') + tail);
    this.trimmed = this.own.trim();
  }

  get text(): string {
    this.#text ??= unquote(this.#input.slice(this.start + 1, this.#innerEnd));
    return this.#text;
  }
}

function unquote(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\s\S])/g, '$1') : text;
}

/**
 * Tokens kept per header. Real headers have a few dozen; a hostile megabyte has hundreds of
 * thousands, and keeping them all makes the garbage collector's work grow faster than the input.
 * Past the cap, only the tokens after the last ";" are kept (the date and what follows it), up
 * to the cap again.
 */
const MAX_TOKENS = 2048;
const TOO_MANY_TOKENS = `more than ${MAX_TOKENS} words: the middle of the header skipped`;

/** Where tokens go: the token list, or the date region once the tokenizer is in it. */
interface Sink {
  push(t: Token): void;
}

/** The date region as it is read; every element counts against the token cap, as a token would. */
class DateSpan implements DateRegion {
  start = -1;
  end = -1;
  readonly comments: CommentToken[] = [];
  elements = 0;
  overflow = false;

  push(t: Token): void {
    if (t.kind === 'comment') {
      if (this.count()) this.comments.push(t);
    } else {
      this.extend(t.start, t.end);
    }
  }

  extend(start: number, end: number): void {
    if (!this.count()) return;
    if (this.start < 0) this.start = start;
    this.end = end;
  }

  private count(): boolean {
    if (this.elements >= MAX_TOKENS) {
      this.overflow = true;
      return false;
    }
    this.elements++;
    return true;
  }
}

/** The token list, with the cap above. */
class Tokens implements Sink {
  readonly head: Token[] = [];
  /** Tokens from the last ";" on, once the head is full; null until a ";" comes after the cap. */
  tail: Token[] | null = null;
  overflow = false;

  push(t: Token): void {
    if (this.head.length < MAX_TOKENS) {
      this.head.push(t);
      return;
    }
    this.overflow = true;
    if (t.kind === 'semicolon') this.tail = [t];
    else if (this.tail !== null && this.tail.length < MAX_TOKENS) this.tail.push(t);
  }

  /** Whether a token other than ";" would be kept: past the cap, one that is not is not even made. */
  keeps(): boolean {
    return this.head.length < MAX_TOKENS || (this.tail !== null && this.tail.length < MAX_TOKENS);
  }

  list(): Token[] {
    return this.tail === null ? this.head : this.head.concat(this.tail);
  }
}

const QUOTE = 34;
const LESS = 60;
const SEMICOLON = 59;

/**
 * Warnings in order of first appearance, each once. Most headers have none, so the list is made
 * on the first; there are only a few distinct ones, so looking one up stays cheap.
 */
export class Warnings {
  private items: string[] | null = null;

  add(warning: string): void {
    if (this.items === null) this.items = [warning];
    else if (!this.items.includes(warning)) this.items.push(warning);
  }

  list(): string[] {
    return this.items ?? [];
  }
}

/** Splits an unfolded value into tokens. Never throws; oddities become warnings. */
export function tokenize(input: string): TokenizeResult {
  const tokens = new Tokens();
  const warnings = new Warnings();
  const scan: CommentScan = { comments: MAX_COMMENT_TOKENS, open: UNKNOWN, close: UNKNOWN, backslash: UNKNOWN };
  const n = input.length;
  const lastSemicolon = input.lastIndexOf(';');
  let date: DateSpan | null = null;
  /** The date region while the scan is in it, else the token list. */
  let sink: Sink = tokens;
  // Once a "<" finds no ">" after it, no later "<" will either: searching again would be quadratic.
  let noCloseAngle = false;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : 0;
    if (cls === SPACE) {
      i++;
      continue;
    }
    if (cls === CONTROL) {
      warnings.add(CONTROLS_AS_SPACE);
      i++;
      continue;
    }
    if (c === SEMICOLON) {
      tokens.push({ kind: 'semicolon', text: ';', start: i, end: i + 1 });
      // No ";" follows this one anywhere: what comes next is the date region.
      if (i === lastSemicolon) sink = date = new DateSpan();
      i++;
      continue;
    }
    if (c === CLOSE) {
      warnings.add('unbalanced ")" ignored');
      i++;
      continue;
    }
    if (c === OPEN) {
      i = readComment(input, i, sink, warnings, scan);
      continue;
    }
    if (c === QUOTE) {
      i = readQuoted(input, i, sink, warnings);
      continue;
    }
    if (c === LESS && !noCloseAngle) {
      const close = input.indexOf('>', i + 1);
      if (close >= 0) {
        if (date !== null && sink === date) date.extend(i, close + 1);
        else tokens.push({ kind: 'angle', text: withoutControls(input.slice(i + 1, close), warnings).trim(), start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
      noCloseAngle = true;
      warnings.add('unterminated "<"');
    }
    const start = i;
    i = wordEnd(input, i + 1, n);
    const keyword = keywordAt(input, start, i);
    if (date !== null && sink === date) {
      if (keyword === null) {
        date.extend(start, i);
        continue;
      }
      // A clause after the date (Courier writes "; date id …"): tokens again from here on.
      sink = tokens;
    }
    if (tokens.keeps()) {
      // A keyword written in lower case (nearly all are) is the keyword's own string: no copy.
      const text = keyword !== null && input.startsWith(keyword, start) ? keyword : input.slice(start, i);
      tokens.push({ kind: 'word', text, keyword, start, end: i });
    } else tokens.overflow = true;
  }
  if (tokens.overflow || date?.overflow) warnings.add(TOO_MANY_TOKENS);
  return { tokens: tokens.list(), warnings: warnings.list(), date };
}

/** Reads one quoted string; returns the index after it. */
function readQuoted(input: string, from: number, tokens: Sink, warnings: Warnings): number {
  const n = input.length;
  let parts: string[] | null = null;
  let segment = from + 1;
  let i = from + 1;
  while (i < n) {
    const d = input.charCodeAt(i);
    if (d === BACKSLASH && i + 1 < n) {
      (parts ??= []).push(input.slice(segment, i));
      segment = i + 1;
      i += 2;
    } else if (d === QUOTE) {
      const tail = input.slice(segment, i);
      tokens.push({ kind: 'quoted', text: withoutControls(parts === null ? tail : parts.join('') + tail, warnings), start: from, end: i + 1 });
      return i + 1;
    } else {
      i++;
    }
  }
  warnings.add('unterminated quoted string');
  const tail = input.slice(segment, n);
  tokens.push({ kind: 'quoted', text: withoutControls(parts === null ? tail : parts.join('') + tail, warnings), start: from, end: n });
  return n;
}

/** Quoted or angle text with its control characters read as spaces (CONTROL_CHAR above). */
function withoutControls(text: string, warnings: Warnings): string {
  if (!CONTROL_CHAR.test(text)) return text;
  warnings.add(CONTROLS_AS_SPACE);
  return text.replace(CONTROL_CHARS, ' ');
}

const OPEN = 40;
const CLOSE = 41;
const BACKSLASH = 92;

/** What readComment keeps from one comment to the next: the comment budget, and where the next "(", ")" and "\\" are. */
interface CommentScan {
  /** Comments that may still be kept (MAX_COMMENT_TOKENS). */
  comments: number;
  /** Where the next of each character is at or after the last search, -1 when there is none, UNKNOWN before the first search. */
  open: number;
  close: number;
  backslash: number;
}

const UNKNOWN = -2;

/**
 * The next "(", ")" or "\\" after i, or the end: found by indexOf, whose native search runs many
 * times faster than a loop over a comment's characters. Each place found is kept while it is
 * still ahead, so that every character is searched at most once for each of the three.
 */
function nextSpecial(input: string, i: number, scan: CommentScan): number {
  if (scan.open !== -1 && scan.open <= i) scan.open = input.indexOf('(', i + 1);
  if (scan.close !== -1 && scan.close <= i) scan.close = input.indexOf(')', i + 1);
  if (scan.backslash !== -1 && scan.backslash <= i) scan.backslash = input.indexOf('\\', i + 1);
  let next = input.length;
  if (scan.open >= 0 && scan.open < next) next = scan.open;
  if (scan.close >= 0 && scan.close < next) next = scan.close;
  if (scan.backslash >= 0 && scan.backslash < next) next = scan.backslash;
  return next;
}

/**
 * Reads one comment with its nested comments; returns the index after it. Once the budget is
 * spent, a comment is skipped and nested ones are read as text.
 */
function readComment(input: string, from: number, tokens: Sink, warnings: Warnings, scan: CommentScan): number {
  const n = input.length;
  const skip = scan.comments <= 0;
  if (skip) warnings.add(TOO_MANY_COMMENTS);
  else scan.comments--;
  // Most comments hold no nested comment and no quoted-pair: no stack to keep for them.
  const first = nextSpecial(input, from, scan);
  if (first < n && input.charCodeAt(first) === CLOSE) {
    if (!skip) tokens.push(new Comment(input, from, from + 1, null, null, first, first + 1));
    return first + 1;
  }
  const stack: OpenComment[] = [{ start: from, segment: from + 1, parts: null, children: null }];
  let excess = 0;
  let i = from + 1;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
    } else if (c === OPEN) {
      if (excess > 0 || stack.length >= MAX_DEPTH || scan.comments <= 0) {
        if (excess === 0) warnings.add(stack.length >= MAX_DEPTH ? `comments nested deeper than ${MAX_DEPTH} levels read as text` : TOO_MANY_COMMENTS);
        excess++;
      } else {
        scan.comments--;
        const top = stack[stack.length - 1] as OpenComment;
        (top.parts ??= []).push(input.slice(top.segment, i));
        stack.push({ start: i, segment: i + 1, parts: null, children: null });
      }
      i++;
    } else if (c === CLOSE) {
      i++;
      if (excess > 0) {
        excess--;
        continue;
      }
      const open = stack.pop() as OpenComment;
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (!skip) tokens.push(new Comment(input, open.start, open.segment, open.parts, open.children, i - 1, i));
        return i;
      }
      (parent.children ??= []).push(new Comment(input, open.start, open.segment, open.parts, open.children, i - 1, i));
      parent.segment = i;
    } else {
      i = nextSpecial(input, i, scan);
    }
  }
  warnings.add('unbalanced "(": comment closed at end of header');
  while (stack.length > 0) {
    const last = stack.pop() as OpenComment;
    const done = new Comment(input, last.start, last.segment, last.parts, last.children, n, n);
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (!skip) tokens.push(done);
    } else {
      (parent.children ??= []).push(done);
      // The child ran to the end: nothing of the parent's own text follows it. (Left where the
      // child opened, the parent's own text would repeat its start and take in the child's text.)
      parent.segment = n;
    }
  }
  return n;
}
