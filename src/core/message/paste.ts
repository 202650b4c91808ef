/**
 * Turns what a user pastes or drops into a message text mailparser can read: headers start on
 * the first line, one field per line, blank line before the body. People paste from webmail
 * "show original" pages, terminals and mbox files, so the header block may be preceded by an
 * mbox "From " line, blank lines or a page's preamble, indented, or double spaced.
 */

/** A header field's first line: a name starting with a letter, then the colon. */
const FIELD_START = /^[A-Za-z][!-9;-~]*:/;
/** The mbox separator line ("From sender@example.com Wed Sep 16 22:19:44 2015"): no colon after From. */
const MBOX_FROM = /^From [^\s:]/;
/** A later message's separator in an mbox: a blank line, then "From sender asctime-date". Global: reset lastIndex before exec. */
export const MBOX_NEXT = /\n\r?\nFrom [^\s:]\S* +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}/g;
/** Fields that a trace block starts with, used to find headers after a page's preamble. */
const TRACE_START =
  /^(Delivered-To|X-Original-To|Envelope-To|Return-Path|Received|X-Received|ARC-Seal|ARC-Message-Signature|ARC-Authentication-Results|Authentication-Results|DKIM-Signature)[ \t]*:/i;
/** Envelope fields that some views show as a block of their own above the real header block. */
const ENVELOPE_FIELD = /^(Delivered-To|X-Original-To|Envelope-To|Return-Path|X-Envelope-From|X-Envelope-To)[ \t]*:/i;
/** Fields every message's own header block has (RFC 5322 §3.6 requires From and Date). */
const ORIGINATOR_FIELD = /^(From|Date|Subject|Message-ID)[ \t]*:/i;
/** How far into a pasted page the header block may start. */
const PREAMBLE_LINES = 60;

export interface PastedMessage {
  /** The message text with a clean header block on top. */
  text: string;
  /** The header block's lines as cleaned (a field's continuation lines included). */
  headerLines: string[];
  /** True when nothing but whitespace follows the header block. */
  headersOnly: boolean;
  /** How many messages the input holds: more than 1 for an mbox file of several, of which this is the first. */
  messages: number;
}

interface Line {
  text: string;
  /** Offset just after this line's line break. */
  next: number;
}

const LINE_BREAK = /\r\n|\n|\r/g;

function readLine(text: string, pos: number): Line | null {
  if (pos >= text.length) return null;
  LINE_BREAK.lastIndex = pos;
  const m = LINE_BREAK.exec(text);
  if (!m) return { text: text.slice(pos), next: text.length };
  return { text: text.slice(pos, m.index), next: m.index + m[0].length };
}

const isBlank = (line: string): boolean => line.trim() === '';
const leadingSpace = (line: string): string => /^[ \t]*/.exec(line)?.[0] ?? '';

/** Offset of the first line that is not blank, or text.length. */
function skipBlankLines(text: string, pos: number): number {
  let at = pos;
  for (let line = readLine(text, at); line && isBlank(line.text); line = readLine(text, at)) at = line.next;
  return at;
}

/**
 * Where a header block starts after a page's preamble (Gmail's "Original message" page puts a
 * summary table and "Download original / Copy to clipboard" above the headers). Only a trace
 * field followed by another field counts, so prose that happens to contain a colon does not.
 */
function afterPreamble(text: string, pos: number): number {
  let at = pos;
  for (let n = 0; n < PREAMBLE_LINES; n++) {
    const line = readLine(text, at);
    if (!line) return pos;
    const trimmed = line.text.trimStart();
    if (TRACE_START.test(trimmed)) {
      const following = readLine(text, line.next);
      if (following && (FIELD_START.test(following.text.trimStart()) || /^[ \t]/.test(following.text))) return at;
    }
    at = line.next;
  }
  return pos;
}

/** True when this line starts a header field and the next line is another field or a continuation. */
function startsFields(text: string, line: Line): boolean {
  if (!FIELD_START.test(line.text.trimStart())) return false;
  const following = readLine(text, line.next);
  return following !== null && (FIELD_START.test(following.text.trimStart()) || /^[ \t]/.test(following.text));
}

/** True when lines alternate with single blank lines, as copying from some HTML views does. */
function isDoubleSpaced(text: string, pos: number): boolean {
  const lines: string[] = [];
  let at = pos;
  for (let n = 0; n < 6; n++) {
    const line = readLine(text, at);
    if (!line) break;
    lines.push(line.text);
    at = line.next;
  }
  if (lines.length < 5) return false;
  return (
    !isBlank(lines[0]!) &&
    isBlank(lines[1]!) &&
    !isBlank(lines[2]!) &&
    isBlank(lines[3]!) &&
    !isBlank(lines[4]!) &&
    [lines[2]!, lines[4]!].every((l) => FIELD_START.test(l.trimStart()) || /^[ \t]/.test(l))
  );
}

export function normalizePaste(input: string): PastedMessage {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = skipBlankLines(text, 0);
  const first = readLine(text, pos);
  const mbox = first !== null && MBOX_FROM.test(first.text);
  if (first && mbox) pos = skipBlankLines(text, first.next);
  const start = readLine(text, pos);
  if (start && !FIELD_START.test(start.text.trimStart())) pos = afterPreamble(text, pos);

  const indent = leadingSpace(readLine(text, pos)?.text ?? '');
  const doubleSpaced = isDoubleSpaced(text, pos);
  const headerLines: string[] = [];
  let onlyEnvelope = true;
  let sawOriginator = false;
  let at = pos;
  let bodyStart = text.length;
  for (let line = readLine(text, at); line; line = readLine(text, at)) {
    if (isBlank(line.text)) {
      const nextPos = doubleSpaced ? line.next : skipBlankLines(text, line.next);
      const next = readLine(text, nextPos);
      const blankRun = doubleSpaced && next !== null && isBlank(next.text);
      const mergeEnvelope = !doubleSpaced && onlyEnvelope && headerLines.length > 0 && next !== null && TRACE_START.test(next.text.trimStart());
      // Outlook's "Internet headers" box and some webmail views put a blank line inside the block:
      // a block without the message's own fields so far cannot have ended when more fields follow.
      const mergeSplit =
        !doubleSpaced && !sawOriginator && headerLines.length > 0 && next !== null && (TRACE_START.test(next.text.trimStart()) || startsFields(text, next));
      // Double spaced, one blank line is an artefact of copying and a run of them ends the block.
      if ((doubleSpaced && !blankRun && next !== null) || mergeEnvelope || mergeSplit) {
        at = nextPos;
        continue;
      }
      bodyStart = line.next;
      break;
    }
    const unindented = indent && line.text.startsWith(indent) ? line.text.slice(indent.length) : line.text;
    if (FIELD_START.test(unindented)) {
      headerLines.push(unindented);
      if (!ENVELOPE_FIELD.test(unindented)) onlyEnvelope = false;
      if (ORIGINATOR_FIELD.test(unindented)) sawOriginator = true;
    } else if (headerLines.length > 0) {
      // A continuation whose folding whitespace was lost in copying still belongs to the field above.
      headerLines.push(/^[ \t]/.test(line.text) ? line.text : ` ${line.text}`);
    } else {
      headerLines.push(unindented);
    }
    at = line.next;
  }
  const rest = bodyStart < text.length ? text.slice(bodyStart) : '';
  const headersOnly = rest.trim() === '';
  const body = indent && !headersOnly ? dedent(rest, indent) : rest;
  return {
    text: headersOnly ? `${headerLines.join('\r\n')}\r\n` : `${headerLines.join('\r\n')}\r\n\r\n${body}`,
    headerLines,
    headersOnly,
    messages: mbox ? 1 + (text.match(MBOX_NEXT)?.length ?? 0) : 1,
  };
}

function dedent(text: string, indent: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\r\n');
}

/** Whether a line starts a header field. */
export function isFieldStart(line: string): boolean {
  return FIELD_START.test(line);
}
