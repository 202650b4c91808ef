import { binaryString } from './binary-string.js';
import { MBOX_NEXT, type PastedMessage } from './paste.js';
import type { MessageBytes } from './types.js';

const FIELD_START = /^[A-Za-z][!-9;-~]*:/;
const MBOX_FROM = /^From [^\s:]/;
const LF = 0x0a;
/** Enough of the start to see the first line of any real message. */
const HEAD = 1024;

/**
 * The bytes that DKIM hashes. Bytes read from a file, a download or a mail client are the
 * message as it arrived: only an mbox "From " line before it and the messages after it in the
 * same mbox are cut off. Text (a paste, a page's text) has lost its bytes: it is the cleaned
 * paste encoded as UTF-8, and marked as not exact, since copying may have changed whitespace,
 * line ends and 8-bit characters.
 */
export function messageBytes(raw: string | Uint8Array, paste: PastedMessage): MessageBytes {
  if (typeof raw !== 'string' && !isUtf16(raw)) {
    let start = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
    const firstLine = (from: number) => binaryString(raw.subarray(from, Math.min(raw.length, from + HEAD))).split('\n', 1)[0] ?? '';
    if (MBOX_FROM.test(firstLine(start))) {
      const lf = raw.indexOf(LF, start);
      start = lf < 0 ? raw.length : lf + 1;
    }
    if (FIELD_START.test(firstLine(start))) return { bytes: raw.subarray(start, mboxEnd(raw, start, paste)), exact: true };
  }
  return { bytes: new TextEncoder().encode(paste.text), exact: false };
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Where the next message of an mbox starts (the blank line before its "From " line), or the end. */
function mboxEnd(bytes: Uint8Array, start: number, paste: PastedMessage): number {
  if (paste.messages < 2) return bytes.length;
  MBOX_NEXT.lastIndex = 0;
  const next = MBOX_NEXT.exec(binaryString(bytes.subarray(start)));
  // The separator's first LF ends the message's last line; the blank line is the mbox's.
  return next === null ? bytes.length : start + next.index + 1;
}
