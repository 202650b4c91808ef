// `npm start`: build everything, show the CLI's analysis of the bundled sample, then open
// Chromium with the extension loaded and the same sample in the report tab.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedExtensionId } from './extension/extension-id.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = join(root, 'public/samples/sample.eml');
const extensionDir = join(root, 'dist/chrome');

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function chromiumBinary() {
  const flag = process.argv.indexOf('--chromium-binary');
  const candidates = [
    flag >= 0 ? process.argv[flag + 1] : undefined,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

run(process.execPath, [join(root, 'scripts/build.mjs')]);
console.log(`\n$ hoplens analyze public/samples/sample.eml\n`);
run(process.execPath, [join(root, 'dist/cli.js'), 'analyze', sample]);

const byHand = [
  'To load the extension by hand:',
  `  Chrome/Edge: open chrome://extensions, turn on Developer mode, "Load unpacked", choose ${extensionDir}`,
  `  Firefox:     open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", choose ${join(root, 'dist/firefox/manifest.json')}`,
  `  Thunderbird: Tools → Developer Tools → Debug Add-ons, "Load Temporary Add-on…", choose ${join(root, 'dist/thunderbird/manifest.json')}`,
].join('\n');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`\nNo display here ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser was started.\n${byHand}`);
  process.exit(0);
}
const binary = chromiumBinary();
if (!binary) {
  console.log(`\nNo Chromium or Chrome found (pass --chromium-binary PATH or set CHROME_PATH).\n${byHand}`);
  process.exit(0);
}

const reportUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/report.html?sample=1`;
console.log(`\nStarting ${binary} with dist/chrome loaded; the report tab opens ${reportUrl}\n`);
const args = ['run', '--target', 'chromium', '--source-dir', extensionDir, '--chromium-binary', binary, '--start-url', reportUrl, '--no-reload'];
// Chromium refuses to start its sandbox as root (containers, CI machines).
if (process.getuid?.() === 0) args.push('--arg=--no-sandbox');
run(join(root, 'node_modules/.bin/web-ext'), args);
