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
