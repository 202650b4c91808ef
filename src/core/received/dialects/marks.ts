import { clauseComments, type ClauseName, type ReceivedSyntax } from '../grammar.js';
import type { CommentToken } from '../tokenize.js';

/** The first comment of a clause whose own text matches, with the match. */
export function findComment(
  syntax: ReceivedSyntax,
  clause: ClauseName,
  pattern: RegExp,
): { comment: CommentToken; match: RegExpExecArray } | null {
  for (const comment of clauseComments(syntax.first[clause]).slice(0, 8)) {
    const own = comment.own.trim();
    if (own.length > 300) continue;
    const match = pattern.exec(own);
    if (match !== null) return { comment, match };
  }
  return null;
}

/** Leading comments (before any clause), such as qmail's "(qmail 123 invoked by uid 89)". */
export function findLeading(syntax: ReceivedSyntax, pattern: RegExp): RegExpExecArray | null {
  for (const t of syntax.leading.slice(0, 8)) {
    if (t.kind !== 'comment' || t.own.length > 300) continue;
    const match = pattern.exec(t.own.trim());
    if (match !== null) return match;
  }
  return null;
}

/** Host names compare case-insensitively, without a trailing dot. */
export function hostEndsWith(host: string | null, suffix: string): boolean {
  if (host === null) return false;
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === suffix || h.endsWith(`.${suffix}`);
}
