// The whole test suite, as the README's test command runs it: build, type-check, lint (import
// rules and Biome), every vitest project (unit, integration against BIND + dnsdist, e2e in Chromium, Firefox ESR and Thunderbird), then a closing line
// "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd, args) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const extra = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const [cmd, args] of [
  [npm, ['run', 'build']],
  [npm, ['run', 'typecheck']],
  [npm, ['run', 'lint']],
]) {
  const status = run(cmd, args);
  if (status !== 0) {
    console.log('\n0 passed, 1 failed');
    process.exit(status);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'hoplens-test-'));
const jsonFile = join(dir, 'results.json');
const status = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${jsonFile}`,
  ...extra,
]);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
  // A file that fails to load counts no test but must still fail the run.
  if (status !== 0 && failed === 0) failed = results.numFailedTestSuites || 1;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
