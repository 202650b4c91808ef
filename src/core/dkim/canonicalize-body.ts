import type { Canonicalization } from './types.js';

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HTAB = 0x09;

/**
 * The canonical body (RFC 6376 §3.4.3 simple, §3.4.4 relaxed) in one pass over the bytes, line
 * by line, into one buffer: linear time, and at most the input's size plus one byte per line in
 * memory. Bare LF line ends count as CRLF. Empty lines at the end are held back and written only
 * when a non-empty line follows, which is how both methods drop them.
 */
export function canonicalBody(body: Uint8Array, method: Canonicalization): Uint8Array {
  let lines = 1;
  for (let lf = body.indexOf(LF); lf >= 0; lf = body.indexOf(LF, lf + 1)) lines++;
  const out = new Uint8Array(body.length + lines + 2);
  let size = 0;
  let heldEmpty = 0;
  let wrote = false;
  const relaxed = method === 'relaxed';
  for (let start = 0; start < body.length; ) {
    const lf = body.indexOf(LF, start);
    const next = lf < 0 ? body.length : lf + 1;
    let end = lf < 0 ? body.length : lf;
    if (lf >= 0 && end > start && body[end - 1] === CR) end--;
    const lineStart = size + heldEmpty * 2;
    let lineEnd: number;
    if (relaxed) {
      lineEnd = relaxedLine(body, start, end, out, lineStart);
    } else {
      out.set(body.subarray(start, end), lineStart);
      lineEnd = lineStart + (end - start);
    }
    if (lineEnd === lineStart) {
      heldEmpty++;
    } else {
      for (let i = 0; i < heldEmpty; i++) {
        out[size + i * 2] = CR;
        out[size + i * 2 + 1] = LF;
      }
      heldEmpty = 0;
      out[lineEnd] = CR;
      out[lineEnd + 1] = LF;
      size = lineEnd + 2;
      wrote = true;
    }
    start = next;
  }
  // §3.4.3: an empty body is one CRLF in simple; §3.4.4: it stays empty in relaxed.
  if (!wrote && !relaxed) {
    out[0] = CR;
    out[1] = LF;
    size = 2;
  }
  return out.subarray(0, size);
}

/** §3.4.4: whitespace at the line's end removed, other runs of it made one space. Returns the end. */
function relaxedLine(body: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  let o = at;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    const c = body[i]!;
    if (c === SP || c === HTAB) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out[o++] = SP;
      pendingSpace = false;
    }
    out[o++] = c;
  }
  return o;
}
