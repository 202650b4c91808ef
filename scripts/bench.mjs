// `npm run bench`: compiles the TypeScript benchmark with esbuild and runs it in this process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules/.cache/hoplens-bench/main.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'scripts/bench/main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // The report view reads its texts through the extension API: in Node, from the English locale.
  alias: { 'webextension-polyfill': join(root, 'scripts/bench/extension-shim.ts') },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});
const args = process.argv.slice(2);
const { run } = await import(pathToFileURL(outfile).href);
if (args[0] === 'compare-parser') {
  // `npm run bench -- compare-parser REV`: the Received parser of a git revision, taken from git
  // into the cache and bundled there, against this tree's, in one process.
  const rev = args[1] ?? 'HEAD';
  const tree = join(root, 'node_modules/.cache/hoplens-bench/revision');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execFileSync('sh', ['-c', 'git -C "$1" archive "$2" src | tar -x -C "$3"', 'sh', root, rev, tree], { stdio: 'inherit' });
  const before = join(tree, 'parser.mjs');
  await esbuild.build({
    entryPoints: [join(tree, 'src/core/received/index.ts')],
    outfile: before,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  });
  const { parseReceived } = await import(pathToFileURL(before).href);
  await run(root, args, { label: rev, parse: parseReceived });
} else {
  await run(root, args);
}
