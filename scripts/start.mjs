// `npm start`: build everything, show the CLI's analysis of the bundled sample, then open
// Chromium with the extension loaded and, once the extension runs, the same sample in the report tab.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWithReport } from './start/chromium.mjs';
import { displayProblem } from './start/display.mjs';

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
  console.log(`\nNo Chromium or Chrome found (install the Debian package "chromium", pass --chromium-binary PATH or set CHROME_PATH).\n${byHand}`);
  process.exit(0);
}
const displayIssue = process.env.DISPLAY && !process.env.WAYLAND_DISPLAY ? await displayProblem(process.env.DISPLAY) : null;
if (displayIssue) {
  console.log(`\n${displayIssue} Start an X server there, or unset DISPLAY to skip the browser.\n${byHand}`);
  process.exit(1);
}

console.log(`\nStarting ${binary} with dist/chrome loaded; the report tab opens once the extension runs.`);
try {
  const { context, page } = await openWithReport({ binary, extensionDir });
  console.log(`Showing ${page.url()}. Close the browser window to end.`);
  await new Promise((resolve) => context.on('close', resolve));
} catch (error) {
  // Playwright's message carries the browser's whole log; its first line says what failed.
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  console.log(`\nChromium did not start: ${first}\n${byHand}`);
  process.exit(1);
}
