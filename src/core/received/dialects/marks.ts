import { clauseComments, type ClauseName, type ReceivedSyntax } from '../grammar.js';
import type { CommentToken, Token } from '../tokenize.js';

/** The first comment of a clause whose own text matches, with the match. */
export function findComment(syntax: ReceivedSyntax, clause: ClauseName, pattern: RegExp): { comment: CommentToken; match: RegExpExecArray } | null {
  const comments = clauseComments(syntax.first[clause]);
  for (let i = 0; i < comments.length && i < 8; i++) {
    const comment = comments[i] as CommentToken;
    const own = comment.trimmed;
    if (own.length > 300) continue;
    const match = pattern.exec(own);
    if (match !== null) return { comment, match };
  }
  return null;
}

/** Leading comments (before any clause), such as qmail's "(qmail 123 invoked by uid 89)". */
export function findLeading(syntax: ReceivedSyntax, pattern: RegExp): RegExpExecArray | null {
  for (let i = 0; i < syntax.leading.length && i < 8; i++) {
    const t = syntax.leading[i] as Token;
    if (t.kind !== 'comment' || t.own.length > 300) continue;
    const match = pattern.exec(t.trimmed);
    if (match !== null) return match;
  }
  return null;
}

/** Host names compare case-insensitively, without a trailing dot. */
export function hostEndsWith(host: string | null, suffix: string): boolean {
  if (host === null) return false;
  const end = host.endsWith('.') ? host.length - 1 : host.length;
  const start = end - suffix.length;
  if (start < 0 || (start > 0 && host.charCodeAt(start - 1) !== 46)) return false;
  return host.slice(start, end).toLowerCase() === suffix;
}
