import { parseAddressHeader } from 'mailparser';
import type { HeaderLines } from 'mailparser';
import type { HeaderField } from './types.js';

const ADDRESS_FIELDS = new Set(['from', 'to', 'cc', 'bcc', 'sender', 'reply-to', 'resent-from', 'resent-to', 'resent-sender']);

/**
 * mailparser keeps header lines as one character per byte; the bytes of an 8-bit header are
 * UTF-8 in practice (RFC 6532), so they are decoded as such.
 */
function decodeBytes(line: string): string {
  if (!/[\u0080-\u00ff]/.test(line)) return line;
  const bytes = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) bytes[i] = line.charCodeAt(i) & 0xff;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** RFC 5322 §2.2.3: unfolding removes the line breaks and keeps the whitespace after them. */
export function unfoldValue(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '').trim();
}

/**
 * Decoded text on one line. Encoded words can carry line breaks and other control characters
 * ("=?utf-8?Q?a=0D=0AFrom:_x?=") that an unfolded header never holds; left in, they would start
 * a new, made-up line wherever the text is shown or copied.
 */
export function decodedLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]+/g, ' ');
}

/**
 * Header fields in order, names as written and values unfolded. Encoded words (RFC 2047) are
 * decoded only where they are meant to appear: the Subject and the display names of address
 * fields; trace fields keep their text exactly, since their comments are not encoded-word text.
 */
export function headerFields(lines: HeaderLines, decodedSubject: string | null): HeaderField[] {
  const fields: HeaderField[] = [];
  let subjectSeen = false;
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    if (key === '' || colon < 0) continue;
    const text = decodeBytes(line);
    const name = text.slice(0, text.indexOf(':')).trimEnd();
    let value = unfoldValue(text.slice(text.indexOf(':') + 1));
    if (key === 'subject' && !subjectSeen) {
      subjectSeen = true;
      if (decodedSubject !== null) value = decodedLine(decodedSubject);
    } else if (ADDRESS_FIELDS.has(key) && value.includes('=?')) {
      value = decodedLine(parseAddressHeader(value).text);
    }
    fields.push({ name, value });
  }
  return fields;
}
