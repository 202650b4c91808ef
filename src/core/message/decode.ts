const UTF8 = new TextDecoder('utf-8');
const REPLACEMENT = '\ufffd';
const LF = 0x0a;

/**
 * Message bytes as text. 8-bit header text is UTF-8 in current mail (RFC 6532), but older
 * software writes unlabelled Latin-1; read as UTF-8, "café" in Latin-1 would become "caf\ufffd".
 * So a line that is not valid UTF-8 is read as windows-1252, the superset of Latin-1 that the
 * Encoding Standard gives that label; every other line stays UTF-8.
 */
export function decodeMessageBytes(bytes: Uint8Array): string {
  // Windows Notepad's "Unicode" is UTF-16 with a byte order mark: text, not binary data.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const whole = UTF8.decode(bytes);
  if (!whole.includes(REPLACEMENT)) return whole;
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const lf = bytes.indexOf(LF, start);
    const end = lf < 0 ? bytes.length : lf + 1;
    const line = bytes.subarray(start, end);
    const text = UTF8.decode(line);
    lines.push(count(text) > encodedReplacements(line) ? windows1252(line) : text);
    start = end;
  }
  return lines.join('');
}

/** What windows-1252 puts at 0x80–0x9F (WHATWG Encoding Standard); the rest of its bytes are Latin-1. */
const C1_RANGE =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decoded by hand: Node 20's TextDecoder reads the "windows-1252" label as plain Latin-1. */
function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? C1_RANGE[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** U+FFFD characters in decoded text. */
function count(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

/** U+FFFD characters the bytes themselves hold (EF BF BD): those are text, not decoding errors. */
function encodedReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}
