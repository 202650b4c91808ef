// Builds everything `npm run build` promises: the core library with type declarations, the
// Node CLI, and the extension for each browser target.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildExtension } from './extension/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const define = { __HOPLENS_VERSION__: JSON.stringify(pkg.version) };

async function buildLib() {
  rmSync(join(root, 'dist/lib'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(root, 'src/core/index.ts')],
    outfile: join(root, 'dist/lib/index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // A library leaves its dependencies to the consumer's installer.
    packages: 'external',
    define,
    sourcemap: true,
  });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
}

async function buildCli() {
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/cli.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __hoplensRequire } from 'node:module';\nconst require = __hoplensRequire(import.meta.url);" },
    define,
  });
}

// `node scripts/build.mjs lib cli` builds only those parts (prepack: what the package ships).
const only = process.argv.slice(2);
const steps = { lib: buildLib, cli: buildCli, extension: () => buildExtension(root, define) };
const unknown = only.filter((name) => !(name in steps));
if (unknown.length) throw new Error(`unknown build part ${unknown.join(', ')}: the parts are ${Object.keys(steps).join(', ')}`);
for (const [name, step] of Object.entries(steps)) {
  if (only.length && !only.includes(name)) continue;
  await step();
  console.log(`built ${name}`);
}
