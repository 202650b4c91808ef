import { binaryBytes } from '../message/binary-string.js';
import type { RawField } from './message-parts.js';
import { trimFws } from './tag-list.js';
import type { Canonicalization } from './types.js';

const WSP_RUN = /[ \t]+/g;

/**
 * One header field in canonical form, ending in CRLF (RFC 6376 §3.4.1 simple: unchanged;
 * §3.4.2 relaxed: name lower-cased, value unfolded, whitespace runs made one space and trimmed,
 * no whitespace around the colon). `raw` is a binary string, so 8-bit bytes stay as they came.
 */
export function canonicalHeader(name: string, raw: string, valueStart: number, method: Canonicalization): string {
  if (method === 'simple') return raw;
  const value = raw
    .slice(valueStart, raw.endsWith('\r\n') ? -2 : undefined)
    .replace(/\r\n/g, '')
    .replace(WSP_RUN, ' ');
  const from = value.startsWith(' ') ? 1 : 0;
  const to = value.endsWith(' ') && value.length > from ? value.length - 1 : value.length;
  // Names are printable ASCII (see message-parts), so lower-casing them changes no other byte.
  return `${name.toLowerCase()}:${value.slice(from, to)}\r\n`;
}

/**
 * What the header signature covers (RFC 6376 §3.7): the selected fields in canonical form, then
 * the signature's own field, its b= value removed, canonicalised, without its final CRLF.
 */
export function headerHashInput(fields: readonly RawField[], unsignedField: string, method: Canonicalization): Uint8Array {
  let data = '';
  for (const field of fields) data += canonicalHeader(field.name, field.raw, field.valueStart, method);
  const colon = unsignedField.indexOf(':');
  const own = canonicalHeader(trimFws(unsignedField.slice(0, colon)), unsignedField, colon + 1, method);
  return binaryBytes(data + own.slice(0, -2));
}
