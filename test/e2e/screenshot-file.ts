import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** PNG width and height from the IHDR chunk. */
export const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * Writes a README screenshot under docs/screenshots/ only when its bytes changed, so that a test
 * run leaves an unchanged picture (and the working tree) alone. Returns whether it wrote.
 */
export function saveScreenshot(name: string, png: Buffer): boolean {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error(`${name}: not a PNG`);
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${name}.png`;
  if (existsSync(path) && readFileSync(path).equals(png)) return false;
  writeFileSync(path, png);
  return true;
}
