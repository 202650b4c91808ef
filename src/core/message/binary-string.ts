/**
 * Header bytes as a "binary string": one character per byte (U+0000–U+00FF). DKIM hashes header
 * bytes exactly as they arrived (RFC 6376 §3.4), 8-bit and UTF-8 ones included, so header text
 * is never decoded on the way to the hash; string operations on this form are byte operations.
 */
const CHUNK = 0x2000;

export function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return text;
}

export function binaryBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

const UTF8 = new TextDecoder('utf-8');

/** A tag value for display: its bytes read as UTF-8 (RFC 8616 allows UTF-8 in i= and d=). */
export function displayText(binary: string): string {
  return /[\u0080-\u00ff]/.test(binary) ? UTF8.decode(binaryBytes(binary)) : binary;
}
