// The extension manifest for one target: the base manifest.json with the target's overlay from
// manifest/<target>.json applied as an RFC 7386 JSON Merge Patch (objects merge key by key,
// null removes a key, arrays and scalars replace), and the version taken from package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TARGETS = ['chrome', 'firefox', 'thunderbird'];

export function mergePatch(base, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out = base !== null && typeof base === 'object' && !Array.isArray(base) ? structuredClone(base) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** `overlays` are names under manifest/, applied in order (a target, then e.g. "e2e"). */
export function manifestFor(root, overlays) {
  const { version } = readJson(join(root, 'package.json'));
  let manifest = readJson(join(root, 'manifest.json'));
  for (const name of overlays) manifest = mergePatch(manifest, readJson(join(root, 'manifest', `${name}.json`)));
  return { ...manifest, version };
}

/** Every file and message the manifest names, so that a build with a dangling reference fails here and not in a store review. */
export function checkManifest(manifest, dir) {
  const problems = [];
  const files = new Set();
  const strings = [];
  const walk = (value, path) => {
    if (typeof value === 'string') {
      strings.push(value);
      if (/\.(png|svg|html|js)$/.test(value) && !/^https?:/.test(value) && !path.startsWith('content_security_policy')) files.add(value);
    } else if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, `${path}[${i}]`);
      });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(manifest, '');
  for (const file of files) {
    try {
      readFileSync(join(dir, file));
    } catch {
      problems.push(`manifest names ${file}, which the build did not produce`);
    }
  }
  const keys = [...new Set(strings.flatMap((s) => [...s.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1])))];
  if (keys.length) {
    let messages = {};
    try {
      messages = readJson(join(dir, '_locales', manifest.default_locale ?? 'en', 'messages.json'));
    } catch {
      problems.push(`manifest uses __MSG_…__ names but _locales/${manifest.default_locale}/messages.json is missing`);
    }
    const known = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
    for (const key of keys) if (!known.has(key.toLowerCase())) problems.push(`_locales/${manifest.default_locale}/messages.json lacks "${key}"`);
  }
  return problems;
}
