import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain ESM build script without type declarations
import { manifestFor } from '../../scripts/extension/manifest.mjs';
import { startDnsStack } from '../support/dns-stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string;
    blackholeUrl: string;
    /** dist/chrome with the e2e overlay: what the tests load into Chromium. */
    extensionDir: string;
    /** dist/firefox and dist/thunderbird with the same overlay. */
    firefoxDir: string;
    thunderbirdDir: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** `npm test` builds first; a direct `vitest --project e2e` rebuilds the extension when its sources are newer. */
function ensureBuild(): void {
  const built = join(root, 'dist/chrome/manifest.json');
  const sources = ['src', 'public', 'manifest.json', 'manifest'].map((p) => join(root, p)).filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'extension'], { cwd: root, stdio: 'inherit' });
}

/**
 * The e2e copy of dist/chrome differs only in its manifest: host access to the loopback DoH
 * stack, which a user grants by accepting the permission prompt for a custom resolver (a gesture
 * Playwright cannot make). Webmail gets no host access: the toolbar tests reach it through
 * activeTab, as users do. Every line of code under test is the shipped one.
 */
function e2eCopy(target: 'chrome' | 'firefox' | 'thunderbird'): string {
  const dir = mkdtempSync(join(tmpdir(), `hoplens-e2e-${target}-`));
  cpSync(join(root, 'dist', target), dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(root, [target, 'e2e']), null, 2));
  return dir;
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const stack = await startDnsStack();
  const dirs = { extensionDir: e2eCopy('chrome'), firefoxDir: e2eCopy('firefox'), thunderbirdDir: e2eCopy('thunderbird') };
  project.provide('dohUrl', stack.dohUrl);
  project.provide('blackholeUrl', stack.blackholeUrl);
  for (const [key, dir] of Object.entries(dirs)) project.provide(key as keyof typeof dirs, dir);
  return async () => {
    await stack.stop();
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  };
}
