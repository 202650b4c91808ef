import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM build script without type declarations
import { canonicalZip, zipDate } from '../../../scripts/extension/zip.mjs';

/** A zip as web-ext's packer writes one: entries in the order reads finished, dated now. */
async function packed(order: string[], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of order) zip.file(name, `contents of ${name}`, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('store zips', () => {
  it('come out byte for byte the same from the same files, whatever the order and time of packing', async () => {
    const names = ['manifest.json', 'background.js', 'icons/icon-16.png', '_locales/en/messages.json'];
    const first = await packed(names, new Date('2026-01-02T03:04:06Z'));
    const second = await packed([...names].reverse(), new Date('2026-05-06T07:08:10Z'));
    expect(first.equals(second)).toBe(false);
    const date = zipDate({});
    const a: Buffer = await canonicalZip(first, date);
    const b: Buffer = await canonicalZip(second, date);
    expect(a.equals(b)).toBe(true);
    const entries = await JSZip.loadAsync(a);
    expect(Object.keys(entries.files)).toEqual([...names].sort());
    expect(await entries.file('background.js')!.async('string')).toBe('contents of background.js');
  });

  it('are dated SOURCE_DATE_EPOCH when set, else 1 January 2000', () => {
    expect(zipDate({}).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(zipDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(zipDate({ SOURCE_DATE_EPOCH: 'yesterday' }).toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});
