// The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 over its absolute
// directory path, written with the letters a–p for the hex digits 0–f.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';

export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}
