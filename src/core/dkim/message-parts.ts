import { binaryString } from '../message/binary-string.js';
import { trimFws } from './tag-list.js';

/** One header field as it arrived: its bytes, line breaks as CRLF. */
export interface RawField {
  /** The name as written, without the whitespace an obsolete form may put before the colon. */
  name: string;
  /** The whole field, continuation lines included, ending in CRLF; one character per byte. */
  raw: string;
  /** Offset of the value: just after the colon. */
  valueStart: number;
}

export interface MessageParts {
  fields: RawField[];
  /** The bytes after the blank line that ends the header block; null when there is no body. */
  body: Uint8Array | null;
}

const FIELD_NAME = /^[!-9;-~]+$/;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a message's bytes into header fields and body (RFC 5322 §2.1), without decoding either.
 * A message stored with bare LF line ends (Unix mailboxes, most .eml files) is read as if they
 * were CRLF, the form it had on the wire and was signed in.
 */
export function splitMessage(bytes: Uint8Array): MessageParts {
  const { end, bodyStart } = headerBlockEnd(bytes);
  const lines = binaryString(bytes.subarray(0, end)).split(/\r?\n/);
  const fields: RawField[] = [];
  let current: string | null = null;
  const flush = (): void => {
    if (current === null) return;
    const colon = current.indexOf(':');
    const name = trimFws(current.slice(0, Math.max(colon, 0)));
    // RFC 5322 §3.6.8: a name is printable ASCII without colon or space; anything else on a
    // line of its own (an mbox "From " line, a page's text) is not a field.
    if (colon > 0 && FIELD_NAME.test(name)) fields.push({ name, raw: `${current}\r\n`, valueStart: colon + 1 });
    current = null;
  };
  for (const line of lines) {
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && current !== null) {
      current += `\r\n${line}`;
    } else {
      flush();
      current = line;
    }
  }
  flush();
  return { fields, body: bodyStart === null ? null : bytes.subarray(bodyStart) };
}

/** Where the header block ends (before its last line break) and the body starts, if it does. */
function headerBlockEnd(bytes: Uint8Array): { end: number; bodyStart: number | null } {
  for (let lf = bytes.indexOf(LF); lf >= 0; lf = bytes.indexOf(LF, lf + 1)) {
    const next = lf + 1;
    const end = bytes[lf - 1] === CR ? lf - 1 : lf;
    if (bytes[next] === LF) return { end, bodyStart: next + 1 };
    if (bytes[next] === CR && bytes[next + 1] === LF) return { end, bodyStart: next + 2 };
  }
  return { end: bytes.length, bodyStart: null };
}
