import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

beforeAll(async () => {
  // What a consumer of the package gets is the build, so build it and use that.
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [join(root, 'scripts/build.mjs'), 'lib'], { cwd: root }, (error) => (error ? reject(error) : resolve())),
  );
}, 120_000);

describe('the built library (package main export)', () => {
  it('ships its type declarations where package.json says', () => {
    expect(existsSync(join(root, pkg.types))).toBe(true);
    expect(readFileSync(join(root, pkg.types), 'utf8')).toMatch(/export \{ analyze/);
  });

  it('analyses a message with live DNS through its own DoH resolver', async () => {
    const lib = await import(pathToFileURL(join(root, pkg.exports['.'].import)).href);
    const resolver = lib.dohResolver(inject('dohUrl'));
    const report = await lib.analyze(readFileSync(join(root, 'public/samples/sample.eml')), { resolver });
    expect(report.schemaVersion).toBe(lib.SCHEMA_VERSION);
    expect(report.generator).toEqual({ name: 'hoplens', version: pkg.version });
    expect(report.summary).toMatch(
      /^Gmail, Yahoo: meets all-sender requirements; bulk: .*\. Sender 203\.0\.113\.25 mail\.example\.com — reverse DNS pass, HELO pass, SPF pass, DKIM none, MX pass/,
    );
    expect(await lib.checkIprev('203.0.113.26', resolver)).toMatchObject({ result: 'fail', ptrNames: ['nofwd.example.com'] });
    expect(await lib.checkSpf({ ip: '192.0.2.1', mailFrom: 'a@example.com', helo: 'mail.example.com' }, resolver)).toMatchObject({ result: 'fail' });
  });
});
