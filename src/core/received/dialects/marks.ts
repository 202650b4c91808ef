import { clauseComments, type Clause, type ReceivedSyntax } from '../grammar.js';
import type { CommentToken, Token } from '../tokenize.js';

/**
 * A mark a dialect looks for in a comment: the pattern the comment's trimmed text matches, and
 * the characters a match can start with. Those are the cheap key: most headers are not of most
 * dialects, and a clause whose comments all start otherwise is passed by with one AND, without
 * running the pattern.
 */
export interface Mark {
  readonly pattern: RegExp;
  /** startBit of each character a match can start with, OR-ed. */
  readonly starts: number;
}

const ANY = -1;
const DIGIT = 1 << 26;
const OTHER = 1 << 27;

/** One bit per letter (either case), one for the digits, one for everything else, an empty text included. */
function startBit(c: number): number {
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return 1 << (lower - 97);
  return c >= 48 && c <= 57 ? DIGIT : OTHER;
}

/** A mark whose matches start with one of `starts` ("P" for /^Postfix\b/), or with anything when it is not given. */
export function mark(pattern: RegExp, starts?: string): Mark {
  let bits = 0;
  if (starts === undefined) bits = ANY;
  else for (let i = 0; i < starts.length; i++) bits |= startBit(starts.charCodeAt(i));
  return { pattern, starts: bits };
}

/** Comments looked at per clause, and the longest looked at: marks are short software names. */
const LOOKED_AT = 8;
const MAX_MARK_LENGTH = 300;

/** The startBits of a clause's first comments, OR-ed, made once: every dialect asks. */
function clauseStarts(c: Clause): number {
  if (c.commentStarts === undefined) {
    const comments = clauseComments(c);
    let bits = 0;
    for (let i = 0; i < comments.length && i < LOOKED_AT; i++) bits |= startBit((comments[i] as CommentToken).trimmed.charCodeAt(0));
    c.commentStarts = bits;
  }
  return c.commentStarts;
}

/** The first comment of a clause (syntax.first.by, …) whose own text matches, with the match. */
export function findComment(c: Clause | undefined, mark: Mark): { comment: CommentToken; match: RegExpExecArray } | null {
  if (c === undefined || (clauseStarts(c) & mark.starts) === 0) return null;
  const comments = clauseComments(c);
  for (let i = 0; i < comments.length && i < LOOKED_AT; i++) {
    const comment = comments[i] as CommentToken;
    const own = comment.trimmed;
    if (own.length > MAX_MARK_LENGTH || (startBit(own.charCodeAt(0)) & mark.starts) === 0) continue;
    const match = mark.pattern.exec(own);
    if (match !== null) return { comment, match };
  }
  return null;
}

/** Leading comments (before any clause), such as qmail's "(qmail 123 invoked by uid 89)". */
export function findLeading(syntax: ReceivedSyntax, mark: Mark): RegExpExecArray | null {
  for (let i = 0; i < syntax.leading.length && i < LOOKED_AT; i++) {
    const t = syntax.leading[i] as Token;
    if (t.kind !== 'comment' || t.own.length > MAX_MARK_LENGTH || (startBit(t.trimmed.charCodeAt(0)) & mark.starts) === 0) continue;
    const match = mark.pattern.exec(t.trimmed);
    if (match !== null) return match;
  }
  return null;
}
