// Draws the toolbar and store icons (a magnifier over a route of hops) and writes them as PNG,
// so the repository holds no binary made elsewhere. Run: node scripts/icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '../public/icons');
const SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 5;

const BLUE = [11, 92, 173];
const WHITE = [255, 255, 255];
const HOPS = [
  [0.2, 0.8],
  [0.42, 0.46],
  [0.8, 0.26],
];
const LENS = { x: 0.42, y: 0.46, r: 0.24, ring: 0.075 };
const HANDLE = { from: [0.6, 0.64], to: [0.84, 0.86], width: 0.12 };

const dist = (ax, ay, bx, by) => Math.hypot(ax - bx, ay - by);

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return dist(px, py, ax + t * dx, ay + t * dy);
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return dist(x, y, cx, cy) <= radius;
}

/** Color and opacity of one point of the unit square, the shapes painted back to front. */
function paint(x, y, size) {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  // Thin strokes vanish at 16 px; small icons get bolder lines.
  const bold = size <= 16 ? 1.5 : size <= 32 ? 1.2 : 1;
  let color = BLUE;
  const inLens = dist(x, y, LENS.x, LENS.y) < LENS.r - LENS.ring / 2;
  if (inLens) color = mix(BLUE, WHITE, 0.22);
  const onRoute = HOPS.slice(1).some((p, i) => segmentDistance(x, y, HOPS[i], p) < 0.028 * bold);
  const onHop = HOPS.some(([hx, hy]) => dist(x, y, hx, hy) < 0.065 * bold);
  if (onRoute || onHop) color = WHITE;
  const onRing = Math.abs(dist(x, y, LENS.x, LENS.y) - LENS.r) < (LENS.ring * bold) / 2;
  const onHandle = segmentDistance(x, y, HANDLE.from, HANDLE.to) < (HANDLE.width * bold) / 2;
  if (onRing || onHandle) color = WHITE;
  return color;
}

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = paint((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!c) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = (py * size + px) * 4;
      if (covered) for (let i = 0; i < 3; i++) pixels[o + i] = Math.round(sum[i] / covered);
      pixels[o + 3] = Math.round((covered / SUPERSAMPLE ** 2) * 255);
    }
  }
  return png(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA, 8 bits per channel, no filtering: small enough at these sizes. */
function png(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), render(size));
  console.log(`icons/icon-${size}.png`);
}
