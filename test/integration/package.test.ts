import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'hoplens-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * What a registry user gets. The package is packed from a copy of the tracked files with no
 * dist/ (a fresh clone), so that only `prepack` can put the CLI and the library in it; then
 * it is installed into an empty project, which gets only the runtime dependencies.
 */
describe('the npm package', () => {
  let tarball = '';

  it('is built by prepack and ships the CLI, the library and its types', () => {
    const clone = join(work, 'clone');
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(root, file), join(clone, file));
    }
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    // The build tools only; a clone after `npm ci` has the same.
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const printed = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // prepack's build prints its lines first; npm's JSON follows.
    const [packed] = JSON.parse(printed.slice(printed.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'package.json', 'README.md', 'LICENSE']));
    expect(files.filter((f) => !f.startsWith('dist/lib/') && !['dist/cli.js', 'package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
    tarball = join(work, packed!.filename);
  }, 180_000);

  it('installs with the runtime dependencies only, and its library and CLI run there', () => {
    expect(tarball).not.toBe('');
    const project = join(work, 'user');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const installed = readdirSync(join(project, 'node_modules'));
    for (const bundled of ['preact', 'webextension-polyfill', 'web-ext', 'esbuild']) expect(installed).not.toContain(bundled);
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(project, 'node_modules', dep)), dep).toBe(true);
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const lib = await import('hoplens'); const r = await lib.analyze('Received: from a.example.com ([203.0.113.9]) by mx.example.net; Tue, 14 Oct 2025 09:12:02 +0000\\r\\n\\r\\n'); console.log(r.schemaVersion === lib.SCHEMA_VERSION, r.route.hops.length);",
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('true 1');
    expect(execFileSync(join(project, 'node_modules/.bin/hoplens'), ['--version'], { encoding: 'utf8' }).trim()).toBe(`hoplens ${pkg.version}`);
  }, 180_000);

  it('says where the project lives and which Node versions it supports, as the README does', () => {
    for (const key of ['repository', 'homepage', 'bugs']) expect(pkg[key], key).toBeTruthy();
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`\`${pkg.engines.node}\``);
  });

  // The registry shows the README with its relative links and images resolved against
  // `repository`: they work there only if the three fields name one repository and every link
  // names a file that is in it.
  it('names one repository, and every relative link of the README is a file tracked there', () => {
    const repo = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w-]+)\.git$/.exec(pkg.repository.url)?.[1];
    expect(repo, pkg.repository.url).toBeTruthy();
    expect([pkg.homepage, pkg.bugs.url]).toEqual([`${repo}#readme`, `${repo}/issues`]);
    const tracked = new Set(execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((m) => m[1] ?? '').filter((link) => !/^[a-z][\w+.-]*:/i.test(link));
    expect(links).toEqual(expect.arrayContaining(['docs/screenshots/popup-light.png', 'LICENSE']));
    expect(links.filter((link) => !tracked.has(link.replace(/^\.\//, '')))).toEqual([]);
  });
});
