import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from './fake-browser.js';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('English locale', () => {
  it('has every key the UI, the manifest and the worker ask for', () => {
    const ui = sources(join(root, 'src/ui')).map((f) => readFileSync(f, 'utf8'));
    const asked = new Set(ui.flatMap((text) => [...text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
    for (const text of ui) for (const m of text.matchAll(/localizeDocument\('([A-Za-z0-9_]+)'\)/g)) asked.add(m[1]!);
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) asked.add(m[1]!);
    asked.add('contextMenuAnalyzeSelection');
    expect(asked.size).toBeGreaterThan(80);
    expect([...asked].filter((k) => !messages[k])).toEqual([]);
  });

  it('defines every placeholder a message uses and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = new Set(Object.keys(entry.placeholders ?? {}));
      expect([...used].sort(), key).toEqual([...defined].sort());
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });
});
