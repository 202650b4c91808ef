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

/**
 * A code span: a backtick run, then text that neither starts nor ends with a backtick, then the
 * same run (CommonMark §6.1). A renderer shows its content literally, HTML and links included;
 * one with a pipe is not taken whole, since a pipe ends a table cell even inside a code span (GFM).
 */
const CODE_SPAN = /(`+)([^`|]|[^`|][^|]*?[^`|])\1(?!`)/g;

/**
 * Free text (a sentence that may quote header values) as literal Markdown on one line. Only what
 * a renderer would act on is escaped, so the raw text a ticket shows stays readable: a code span
 * (`dig -x 203.0.113.25 +trace`) is left whole, since nothing inside one is markup, and a number
 * is escaped only where it would start a list ("1. "), never in "203.0.113.25".
 */
export function mdText(text: string): string {
  const plain = visible(text).trim();
  let escaped = '';
  let last = 0;
  for (const span of plain.matchAll(CODE_SPAN)) {
    escaped += escapeRun(plain.slice(last, span.index)) + span[0];
    last = span.index + span[0].length;
  }
  escaped += escapeRun(plain.slice(last));
  // What would open a block at the start of a line: a list, a quote, a setext underline.
  escaped = escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return escaped && `${FSI}${escaped}${PDI}`;
}

/** Text outside code spans: every character that could start markup, escaped. */
function escapeRun(text: string): string {
  return (
    text
      .replace(INLINE_SPECIAL, (c) => `\\${c}`)
      // A backslash escape ends a text run, so GFM's autolinker never sees "https://" or "www." whole
      // ('@' above does the same for e-mail addresses).
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
  );
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
