import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** PNG width and height from the IHDR chunk. */
export const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * Set by `npm run screenshots` (scripts/screenshots.mjs). Without it the e2e tests take and
 * check their pictures but write none: the same picture is never the same bytes twice, and a
 * test run must leave the working tree as it found it.
 */
export const WRITING_SCREENSHOTS = process.env.HOPLENS_WRITE_SCREENSHOTS === '1';

/**
 * Writes a README screenshot under docs/screenshots/ when asked to (WRITING_SCREENSHOTS) and its
 * bytes changed. Returns whether it wrote.
 */
export function saveScreenshot(name: string, png: Buffer): boolean {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error(`${name}: not a PNG`);
  if (!WRITING_SCREENSHOTS) return false;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${name}.png`;
  if (existsSync(path) && readFileSync(path).equals(png)) return false;
  writeFileSync(path, png);
  return true;
}

/** The bytes of every picture in docs/screenshots/, to show that a test run wrote none. */
export function screenshotFiles(): Record<string, Buffer> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .map((f) => [f, readFileSync(`${dir}${f}`)]),
  );
}
