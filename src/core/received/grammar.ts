import type { HostInfo } from './hostinfo.js';
import { Warnings, type CommentToken, type Token, type WordToken } from './tokenize.js';

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

export type ClauseName = 'from' | 'by' | 'via' | 'with' | 'id' | 'for';

const CLAUSE_NAMES: ReadonlySet<string> = new Set(['from', 'by', 'via', 'with', 'id', 'for']);

export interface Clause {
  name: ClauseName;
  keyword: WordToken;
  /** Tokens after the keyword, up to the next clause. */
  tokens: Token[];
  /** The comments among the tokens, listed once on first use: every dialect looks at them. */
  comments?: CommentToken[];
  /** leadingWords, joined once on first use. */
  words?: string | null;
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
  /** Tokens that make up the date. */
  dateTokens: Token[];
  dateRaw: string | null;
  /** Comments after the date that are not part of it (Sendmail's "(envelope-from …)"). */
  trailingComments: CommentToken[];
  warnings: string[];
  /** The host info after "from", read once on first use (generic.ts fromHostInfo): the generic reading and dialects all ask. */
  hostInfo?: HostInfo | null;
}

function isKeyword(t: Token | undefined): t is WordToken {
  if (t === undefined || t.kind !== 'word') return false;
  // Keywords are short and start with b, f, i, v or w; checking that first keeps the many other words cheap.
  const length = t.text.length;
  if (length < 2 || length > 4) return false;
  const c = t.text.charCodeAt(0) | 32;
  return (c === 98 || c === 102 || c === 105 || c === 118 || c === 119) && CLAUSE_NAMES.has(t.text.toLowerCase());
}

export function parseSyntax(text: string, tokens: Token[]): ReceivedSyntax {
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

  let dateTokens: Token[] = [];
  const trailingComments: CommentToken[] = [];
  if (lastSemicolon >= 0) {
    let i = lastSemicolon + 1;
    for (; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (isKeyword(t)) break;
      if (t.kind === 'comment' && (t.trimmed.charCodeAt(0) | 32) === 101 && /^envelope-from\b/i.test(t.trimmed)) trailingComments.push(t);
      else dateTokens.push(t);
    }
    if (i < tokens.length) readClauses(tokens, i, tokens.length, [], clauses, warnings);
  } else {
    dateTokens = splitUnterminatedDate(clauses);
    if (dateTokens.length > 0) warnings.add('date not preceded by ";"');
  }

  const first: Partial<Record<ClauseName, Clause>> = {};
  for (const c of clauses) {
    if (first[c.name] === undefined) first[c.name] = c;
    else warnings.add(`repeated "${c.name}" clause ignored`);
  }
  const firstDate = dateTokens[0];
  const lastDate = dateTokens[dateTokens.length - 1];
  const dateRaw = firstDate !== undefined && lastDate !== undefined ? text.slice(firstDate.start, lastDate.end) : null;
  return { text, leading, clauses, first, dateTokens, dateRaw, trailingComments, warnings: warnings.list() };
}

function readClauses(tokens: Token[], from: number, to: number, leading: Token[], clauses: Clause[], warnings: Warnings): void {
  let current: Clause | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (isKeyword(t) && (current === null || current.tokens.length > 0)) {
      current = { name: t.text.toLowerCase() as ClauseName, keyword: t, tokens: [] };
      clauses.push(current);
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
  for (const t of c.tokens) if (t.kind !== 'comment') return t;
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
