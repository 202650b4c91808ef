// `npm run lint`: the architecture's import rules (dependency-cruiser, .dependency-cruiser.cjs),
// then Biome's linter and formatter check (biome.json): code that `npm run format` would change fails,
// so a diff never mixes a change with a reformat. Prints only what is wrong, and one line per tool when clean.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// dependency-cruiser reads TypeScript through the TypeScript compiler API, which TypeScript 7
// no longer has, or through swc. Its swc parser is set up without TSX, so JSX in src/ui would
// not parse: switch TSX on for .tsx files. swc keeps `import type` and `export type … from`,
// which are the imports these rules most often catch.
const swc = createRequire(import.meta.url)('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) => parseFileSync(file, { ...options, tsx: file.endsWith('.tsx') });

const { cruise } = await import('dependency-cruiser');
const { default: loadConfig } = await import('dependency-cruiser/config-utl/extract-depcruise-config');
const config = await loadConfig('./.dependency-cruiser.cjs');
const deps = await cruise(['src'], { ...config.options, validate: true, ruleSet: config, outputType: 'err' });
console.log(deps.output.trim());

const biome = spawnSync(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'check', '--error-on-warnings', '--diagnostic-level=warn', '.'], {
  stdio: 'inherit',
});
process.exit(deps.exitCode !== 0 || biome.status !== 0 ? 1 : 0);
