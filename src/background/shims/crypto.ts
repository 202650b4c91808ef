/**
 * The part of node:crypto that mailparser calls in the browser bundle: createHash('md5') for
 * attachment checksums (its default). Web Crypto has no synchronous or streaming MD5, so this
 * is a small RFC 1321 implementation; any other algorithm throws, as mailparser expects when a
 * hash is not available.
 */

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export class Md5 {
  private state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  private block = new Uint8Array(64);
  private blockLength = 0;
  private bytes = 0;
  private finished = false;

  update(data: Uint8Array | string): this {
    if (this.finished) throw new Error('Digest already called');
    const input = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.bytes += input.length;
    let offset = 0;
    while (offset < input.length) {
      const take = Math.min(64 - this.blockLength, input.length - offset);
      this.block.set(input.subarray(offset, offset + take), this.blockLength);
      this.blockLength += take;
      offset += take;
      if (this.blockLength === 64) {
        this.compress(this.block);
        this.blockLength = 0;
      }
    }
    return this;
  }

  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
  digest(encoding?: 'hex'): Uint8Array | string {
    if (this.finished) throw new Error('Digest already called');
    const bitLength = this.bytes * 8;
    const padding = new Uint8Array(((this.blockLength < 56 ? 56 : 120) - this.blockLength));
    padding[0] = 0x80;
    const length = new Uint8Array(8);
    const view = new DataView(length.buffer);
    view.setUint32(0, bitLength >>> 0, true);
    view.setUint32(4, Math.floor(bitLength / 2 ** 32), true);
    this.update(padding);
    this.update(length);
    this.finished = true;
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    this.state.forEach((word, i) => outView.setUint32(i * 4, word, true));
    if (encoding === 'hex') return Array.from(out, (b) => b.toString(16).padStart(2, '0')).join('');
    if (encoding !== undefined) throw new Error(`Unsupported digest encoding: ${String(encoding)}`);
    return out;
  }

  private compress(block: Uint8Array): void {
    const view = new DataView(block.buffer, block.byteOffset, 64);
    const m = Array.from({ length: 16 }, (_, i) => view.getUint32(i * 4, true));
    let [a, b, c, d] = this.state as unknown as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + K[i]! + m[g]!) >>> 0;
      const shift = S[(i >> 4) * 4 + (i % 4)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) >>> 0;
    }
    this.state[0] = (this.state[0]! + a) >>> 0;
    this.state[1] = (this.state[1]! + b) >>> 0;
    this.state[2] = (this.state[2]! + c) >>> 0;
    this.state[3] = (this.state[3]! + d) >>> 0;
  }
}

export function createHash(algorithm: string): Md5 {
  if (algorithm.toLowerCase() !== 'md5') throw new Error(`Digest method not supported in the browser build: ${algorithm}`);
  return new Md5();
}

export default { createHash };
