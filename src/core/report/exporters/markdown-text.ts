import { FSI, isolate, PDI, visible } from '../../text/inert.js';

/*
 * Header text in Markdown must stay text on every renderer a ticket system might use
 * (CommonMark, GitHub): no raw HTML, no links, no autolinks, no emphasis or math. It must not act
 * or deceive either: control and bidi characters show as markers, and each value sits in a
 * Unicode isolate so that its right-to-left text never reorders the cell or sentence around it.
 */

// Backslash escapes turn each of these into a literal character: no HTML, link, emphasis,
// code, strikethrough, entity or (GitHub) math can start. Parentheses need no escape once
// brackets have one.
const INLINE_SPECIAL = /[\\`*_{}[\]<>#|~&$^@]/g;

/** Free text (a sentence that may quote header values) as literal Markdown on one line. */
export function mdText(text: string): string {
  const escaped = visible(text)
    .trim()
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    // A backslash escape ends a text run, so GFM's autolinker never sees "https://" or "www." whole
    // ('@' above does the same for e-mail addresses).
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    // What would open a block at the start of a line: a list, a quote, a setext underline.
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return escaped && `${FSI}${escaped}${PDI}`;
}

/** A value shown verbatim in an inline code span; "—" when empty. */
export function mdCode(value: string | null | undefined): string {
  const plain = visible(value ?? '');
  if (!plain.trim()) return '—';
  const text = isolate(plain);
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  // The isolate's FSI and PDI stand between the fence and the text, so a backtick or space at
  // either end of the value can neither join the fence nor be stripped (CommonMark §6.1).
  return `${fence}${text}${fence}`;
}

/** A code span inside a table cell: a pipe would end the cell even inside a code span (GFM). */
export function mdCodeCell(value: string | null | undefined): string {
  return mdCode(value).replace(/\|/g, '\\|');
}

/** A fenced block whose fence no line of the content can close. */
export function mdFence(lines: readonly string[], info = 'text'): string {
  const body = lines.map(isolate).join('\n');
  const longestRun = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}
