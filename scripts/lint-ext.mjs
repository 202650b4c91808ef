// Runs `web-ext lint` (Mozilla's addons-linter) on the Firefox and Thunderbird builds. Fails on
// any error and on any warning that is not explained below; prints every finding either way.
// Run `npm run build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = ['firefox', 'thunderbird'];

/**
 * Warnings we accept, by linter code and target, each with the reason it does not apply.
 * An entry here is a decision, reviewed like code; anything else fails the lint.
 */
export const EXPLAINED = {
  'thunderbird:MANIFEST_PERMISSIONS':
    'the linter knows Firefox permissions only; "messagesRead" is Thunderbird\'s permission for messages.getRaw and messageDisplay',
  'thunderbird:KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION':
    'Thunderbird has no Android version; the Firefox build sets gecko_android.strict_min_version 142 instead',
  '*:BACKGROUND_SERVICE_WORKER_IGNORED':
    'one background declaration serves every browser: Chrome runs "service_worker", Firefox and Thunderbird run "scripts"; both accept both keys since version 121',
  '*:UNSAFE_VAR_ASSIGNMENT': "Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which no Hoplens view uses (checked below)",
};

/** The page bundles may carry Preact's innerHTML path only if no view ever asks for it. */
export function uiUsesInnerHtml() {
  const hits = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|jsx?)$/.test(e.name) && /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(p, 'utf8')))
        hits.push(p);
    }
  };
  walk(join(root, 'src/ui'));
  return hits;
}

export async function lintTarget(target) {
  const sourceDir = join(root, 'dist', target);
  if (!existsSync(join(sourceDir, 'manifest.json'))) throw new Error(`${sourceDir} has no build: run npm run build first`);
  const result = await webExt.cmd.lint({ sourceDir, output: 'none', selfHosted: false, boring: true }, { shouldExitProgram: false });
  const explained = (m) => Boolean(EXPLAINED[`${target}:${m.code}`] ?? EXPLAINED[`*:${m.code}`]);
  return {
    target,
    errors: result.errors,
    warnings: result.warnings.filter((m) => !explained(m)),
    accepted: result.warnings.filter(explained),
    notices: result.notices,
  };
}

const describe = (m) => `${m.code}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}: ${m.message}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let failed = false;
  for (const target of TARGETS) {
    const r = await lintTarget(target);
    console.log(
      `web-ext lint dist/${target}: ${r.errors.length} errors, ${r.warnings.length} unexplained warnings, ${r.accepted.length} explained warnings, ${r.notices.length} notices`,
    );
    for (const m of r.errors) console.log(`  error   ${describe(m)}`);
    for (const m of r.warnings) console.log(`  warning ${describe(m)}`);
    for (const m of r.accepted) console.log(`  ok      ${describe(m)} — ${EXPLAINED[`${target}:${m.code}`] ?? EXPLAINED[`*:${m.code}`]}`);
    for (const m of r.notices) console.log(`  notice  ${describe(m)}`);
    if (r.errors.length || r.warnings.length) failed = true;
  }
  const html = uiUsesInnerHtml();
  if (html.length) {
    console.log(`HTML injection in the views, so the innerHTML warnings are no longer explained: ${html.join(', ')}`);
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}
