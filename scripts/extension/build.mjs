// Bundles the extension once, then lays it out for each target: dist/<target>/ with the merged
// manifest, the bundles and public/, and a store-ready zip per target in dist/zips/.
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { checkManifest, manifestFor, TARGETS } from './manifest.mjs';
import { mailparserCost } from './metafile.mjs';
import { zipDirectory } from './zip.mjs';

const BACKGROUND_ENTRY = 'src/background/main.ts';
const UI_ENTRIES = { popup: 'src/ui/popup/main.tsx', report: 'src/ui/report/main.tsx', options: 'src/ui/options/main.tsx' };

/**
 * mailparser is written for Node; these are the browser stand-ins for the built-ins it and its
 * stream polyfill reach for.
 */
function nodeBuiltinAliases() {
  const map = {
    stream: 'stream-browserify',
    buffer: 'buffer/',
    string_decoder: 'string_decoder/',
    events: 'events/',
    path: 'path-browserify',
    process: 'process/browser.js',
  };
  return Object.fromEntries(
    Object.entries(map).flatMap(([name, to]) => [
      [name, to],
      [`node:${name}`, to],
    ]),
  );
}

/**
 * mailparser loads node:crypto for attachment checksums, which message/read.ts turns off
 * (checksumAlgo: false), so nothing is ever hashed: the worker gets an empty module for it. Were
 * hashing switched on, mailparser would report its "Checksum algorithm is not available" error.
 */
const noCrypto = {
  name: 'no-crypto',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, () => ({ path: 'crypto', namespace: 'no-crypto' }));
    build.onLoad({ filter: /.*/, namespace: 'no-crypto' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

async function bundle(root, define) {
  const out = join(root, 'dist/.extension');
  rmSync(out, { recursive: true, force: true });
  const common = { bundle: true, minify: true, target: ['chrome121', 'firefox128'], define, legalComments: 'none', metafile: true, logLevel: 'warning' };
  const background = await esbuild.build({
    ...common,
    entryPoints: { background: join(root, BACKGROUND_ENTRY) },
    outdir: out,
    // Classic script: Chrome's service_worker and Firefox's background.scripts both load it.
    format: 'iife',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    alias: nodeBuiltinAliases(),
    plugins: [noCrypto],
    inject: [join(root, 'src/background/shims/globals.ts')],
  });
  const pages = await esbuild.build({
    ...common,
    entryPoints: { ...Object.fromEntries(Object.entries(UI_ENTRIES).map(([k, v]) => [k, join(root, v)])), styles: join(root, 'src/ui/styles.css') },
    outdir: out,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.png': 'file', '.svg': 'file' },
  });
  const leaked = Object.keys(pages.metafile.inputs).filter((p) => p.includes('node_modules/mailparser/'));
  if (leaked.length) throw new Error(`mailparser reached a page bundle (${leaked[0]}); pages must send raw text to the background worker`);
  return { out, background: background.metafile };
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KiB`;

export async function buildExtension(root, define) {
  for (const entry of [BACKGROUND_ENTRY, ...Object.values(UI_ENTRIES), 'src/ui/styles.css']) {
    if (!existsSync(join(root, entry))) throw new Error(`${entry} is missing: the extension is built from it`);
  }
  const { out, background } = await bundle(root, define);
  // Zips of an earlier version would otherwise stay beside the new ones.
  rmSync(join(root, 'dist/zips'), { recursive: true, force: true });
  const sizes = [];
  for (const target of TARGETS) {
    const dir = join(root, 'dist', target);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, 'public'), dir, { recursive: true });
    cpSync(out, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
    const manifest = manifestFor(root, [target]);
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const problems = checkManifest(manifest, dir);
    if (problems.length) throw new Error(`dist/${target}: ${problems.join('; ')}`);
    await zipDirectory(dir, join(root, 'dist/zips'), `hoplens-${target}-${manifest.version}.zip`);
  }
  for (const file of ['background.js', 'popup.js', 'report.js', 'options.js', 'styles.css']) {
    sizes.push(`  ${file.padEnd(16)}${kb(statSync(join(out, file)).size)}`);
  }
  const cost = mailparserCost(background);
  sizes.push(`  mailparser and what only it pulls in: ${kb(cost.bytes).trim()} of background.js (${cost.inputs} modules)`);
  for (const target of TARGETS) {
    const zipPath = join(root, 'dist/zips', `hoplens-${target}-${manifestFor(root, [target]).version}.zip`);
    sizes.push(`  ${relative(root, zipPath).padEnd(34)}${kb(statSync(zipPath).size)}`);
  }
  rmSync(out, { recursive: true, force: true });
  console.log(`extension bundles (minified):\n${sizes.join('\n')}`);
}
