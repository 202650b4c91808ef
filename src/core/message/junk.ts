/** How much of the header block the binary test looks at. */
const SAMPLE = 64 * 1024;
/** Share of control or undecodable characters above which text is taken for binary data. */
const MAX_JUNK_SHARE = 0.1;

/**
 * True when the header block is binary data rather than text: it holds a NUL byte, or more than
 * a tenth of it is control characters (C0, DEL, C1: what bytes that no text uses become once
 * decoded) or U+FFFD. A few stray 8-bit bytes in a Subject stay well under that.
 */
export function looksBinary(headerLines: readonly string[]): boolean {
  let seen = 0;
  let junk = 0;
  for (const line of headerLines) {
    const end = Math.min(line.length, SAMPLE - seen);
    for (let i = 0; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c === 0) return true;
      if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) junk++;
    }
    seen += end;
    if (seen >= SAMPLE) break;
  }
  return seen > 0 && junk / seen > MAX_JUNK_SHARE;
}
