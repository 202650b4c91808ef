import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/core/checks/index.js';
import { messages } from './fake-i18n.js';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Everything that shows a user text: the pages, the worker, the message sources and the shared t(). */
const CODE = [...['src/ui', 'src/background', 'src/sources'].flatMap((d) => sources(join(root, d))), join(root, 'src/i18n.ts')];

/** The keys the UI builds from data (`check_${…}`, `ipClass_${…}`): their fixed prefixes. */
const BUILT = /`([A-Za-z][A-Za-z0-9]*_(?:[A-Za-z0-9]+_)*)\$\{/g;

function askedKeys(): { literal: Set<string>; mentioned: Set<string>; prefixes: string[] } {
  const code = CODE.map((f) => readFileSync(f, 'utf8'));
  const literal = new Set(code.flatMap((text) => [...text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
  for (const text of code) for (const m of text.matchAll(/localizeDocument\('([A-Za-z0-9_]+)'\)/g)) literal.add(m[1]!);
  // The core's phrases (core/text/phrase.ts) carry their key for the pages to translate.
  for (const file of sources(join(root, 'src/core'))) for (const m of readFileSync(file, 'utf8').matchAll(/\bphrase\('([A-Za-z0-9_]+)'/g)) literal.add(m[1]!);
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) literal.add(m[1]!);
  // The core's phrases built from data (net/class-words.ts: `ipClass_${…}`) count as the pages' own.
  const phrased = sources(join(root, 'src/core'))
    .map((file) => readFileSync(file, 'utf8'))
    .filter((text) => /\bphrase\(/.test(text));
  const prefixes = [...new Set([...code, ...phrased].flatMap((text) => [...text.matchAll(BUILT)].map((m) => m[1]!)))];
  // Keys chosen by a condition (`t(late ? 'clockNegative' : 'clockMissing')`) appear as plain strings.
  const mentioned = new Set([...literal, ...code.flatMap((text) => [...text.matchAll(/'([A-Za-z][A-Za-z0-9_]*)'/g)].map((m) => m[1]!))]);
  // Each check names its own keys in its metadata.
  for (const { meta } of CHECKS) if (meta.locale) for (const key of Object.values(meta.locale)) mentioned.add(key);
  return { literal, mentioned, prefixes };
}

/** String literals of a TypeScript file, outside its comments (esbuild drops those). */
function stringLiterals(file: string): string[] {
  const code = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', legalComments: 'none' }).code;
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('English locale', () => {
  it('has every key the UI, the manifest, the worker and the message sources ask for', () => {
    const { literal } = askedKeys();
    for (const key of ['contextMenuAnalyzeSelection', 'analysisBusy', 'gmailNoSource', 'outlookPasteView', 'sourceSelection']) expect(literal).toContain(key);
    expect(literal.size).toBeGreaterThan(150);
    expect([...literal].filter((k) => !messages[k])).toEqual([]);
  });

  it('has a text for every value of the data the UI always words (severity, address class, confidence)', () => {
    const values: Record<string, string[]> = {
      severity_: ['ok', 'info', 'warning', 'error'],
      confidence_: ['high', 'medium', 'low'],
      ipClass_: ['public', 'documentation', 'private', 'loopback', 'link_local', 'cgnat', 'unique_local', 'multicast', 'unspecified', 'reserved'],
    };
    const keys = Object.entries(values).flatMap(([prefix, list]) =>
      list.flatMap((v) => [prefix + v, ...(prefix === 'ipClass_' ? [`${prefix}${v}_help`] : [])]),
    );
    expect(keys.filter((k) => !messages[k])).toEqual([]);
  });

  it('holds no key that nothing asks for', () => {
    const { mentioned, prefixes } = askedKeys();
    expect(prefixes).toEqual(expect.arrayContaining(['errorHelp_', 'ipClass_', 'severity_', 'confidence_']));
    expect(Object.keys(messages).filter((k) => !mentioned.has(k) && !prefixes.some((p) => k.startsWith(p)))).toEqual([]);
  });

  it('defines every placeholder a message uses and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = new Set(Object.keys(entry.placeholders ?? {}));
      expect([...used].sort(), key).toEqual([...defined].sort());
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      // Substitutions are positional: the placeholders take $1…$n, each once, none skipped.
      const slots = Object.values(entry.placeholders ?? {}).map((p) => p.content);
      expect([...slots].sort(), key).toEqual(slots.map((_, i) => `$${i + 1}`));
    }
  });

  it('has a description for translators on every message', () => {
    const bare = Object.entries(messages).filter(([, entry]) => !entry.description?.trim());
    expect(bare.map(([key]) => key)).toEqual([]);
  });
});

describe('texts of the worker and the message sources', () => {
  it('all come through the one shared t(): nothing else asks browser.i18n for a message', () => {
    const direct = CODE.filter((f) => !f.endsWith('/src/i18n.ts') && /\bgetMessage\(/.test(readFileSync(f, 'utf8')));
    expect(direct).toEqual([]);
  });

  it('hold no English words in the code (the Buffer and process shims aside, which word no text a user sees)', () => {
    const files = ['src/background', 'src/sources'].flatMap((d) => sources(join(root, d))).filter((f) => !f.includes('/shims/'));
    expect(files.length).toBeGreaterThan(20);
    const sentences = files.flatMap((f) =>
      stringLiterals(f)
        .filter((s) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(s.replace(/\$\{[^}]*\}/g, ' ')))
        .map((s) => `${f.slice(root.length + 1)}: ${s}`),
    );
    expect(sentences).toEqual([]);
  });
});
