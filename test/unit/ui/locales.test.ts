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

/** The keys the UI builds from data (`check_${…}`, `ipClass_${…}`): their fixed prefixes. */
const BUILT = /`([A-Za-z][A-Za-z0-9]*_(?:[A-Za-z0-9]+_)*)\$\{/g;

function askedKeys(): { literal: Set<string>; mentioned: Set<string>; prefixes: string[] } {
  const ui = sources(join(root, 'src/ui')).map((f) => readFileSync(f, 'utf8'));
  const literal = new Set(ui.flatMap((text) => [...text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
  for (const text of ui) for (const m of text.matchAll(/localizeDocument\('([A-Za-z0-9_]+)'\)/g)) literal.add(m[1]!);
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) literal.add(m[1]!);
  const worker = sources(join(root, 'src/background')).map((f) => readFileSync(f, 'utf8'));
  for (const text of worker) for (const m of text.matchAll(/getMessage\('([A-Za-z0-9_]+)'\)/g)) literal.add(m[1]!);
  const prefixes = [...new Set(ui.flatMap((text) => [...text.matchAll(BUILT)].map((m) => m[1]!)))];
  // Keys chosen by a condition (`t(late ? 'clockNegative' : 'clockMissing')`) appear as plain strings.
  const mentioned = new Set([...literal, ...ui.flatMap((text) => [...text.matchAll(/'([A-Za-z][A-Za-z0-9_]*)'/g)].map((m) => m[1]!))]);
  return { literal, mentioned, prefixes };
}

describe('English locale', () => {
  it('has every key the UI, the manifest and the worker ask for', () => {
    const { literal } = askedKeys();
    expect(literal).toContain('contextMenuAnalyzeSelection');
    expect(literal.size).toBeGreaterThan(80);
    expect([...literal].filter((k) => !messages[k])).toEqual([]);
  });

  it('has a text for every value of the data the UI always words (severity, address class, confidence)', () => {
    const values: Record<string, string[]> = {
      severity_: ['ok', 'info', 'warning', 'error'],
      confidence_: ['high', 'medium', 'low'],
      ipClass_: ['public', 'documentation', 'private', 'loopback', 'link_local', 'cgnat', 'unique_local', 'multicast', 'unspecified', 'reserved'],
    };
    const keys = Object.entries(values).flatMap(([prefix, list]) => list.flatMap((v) => [prefix + v, ...(prefix === 'ipClass_' ? [`${prefix}${v}_help`] : [])]));
    expect(keys.filter((k) => !messages[k])).toEqual([]);
  });

  it('holds no key that nothing asks for', () => {
    const { mentioned, prefixes } = askedKeys();
    expect(prefixes).toEqual(expect.arrayContaining(['check_', 'check_short_', 'errorHelp_', 'ipClass_', 'severity_', 'confidence_']));
    expect(Object.keys(messages).filter((k) => !mentioned.has(k) && !prefixes.some((p) => k.startsWith(p)))).toEqual([]);
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
