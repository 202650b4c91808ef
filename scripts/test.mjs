// The whole test suite, as the README's test command runs it: build, type-check, lint (import
// rules and Biome), every vitest project (unit, integration against BIND + dnsdist, e2e in Chromium, Firefox ESR and Thunderbird), then a closing line
// "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd, args, env = {}) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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

// The counts come from our own reporter through a file vitest knows nothing of: its JSON
// reporter would print the path of a results file that is deleted a moment later.
const dir = mkdtempSync(join(tmpdir(), 'hoplens-test-'));
const countsFile = join(dir, 'counts.json');
const status = run(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=./scripts/test-counts-reporter.mjs', ...extra],
  {
    HOPLENS_TEST_COUNTS: countsFile,
  },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  ({ passed, failed, skipped } = counts);
  // A file that fails to load counts no test but must still fail the run.
  if (status !== 0 && failed === 0) failed = counts.brokenFiles || 1;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
