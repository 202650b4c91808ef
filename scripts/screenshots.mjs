// `npm run screenshots`: retakes the README's pictures in docs/screenshots/ from the end-to-end
// runs that show them (Chromium's popup and report tab, Firefox's and Thunderbird's popups) and
// writes each one whose bytes changed. `npm test` takes and checks the same pictures but writes
// none, so that a test run leaves the working tree clean.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = ['test/e2e/screenshots.test.ts', 'test/e2e/firefox.test.ts', 'test/e2e/thunderbird.test.ts'];
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOPLENS_WRITE_SCREENSHOTS: '1' },
});
if (result.status === 0) {
  spawnSync('git', ['status', '--short', '--', 'docs/screenshots'], { cwd: root, stdio: 'inherit' });
}
process.exit(result.status ?? 1);
