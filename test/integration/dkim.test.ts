import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyDkim } from '../../src/core/dkim/index.js';
import { dohResolver } from '../../src/core/dns/doh.js';

/**
 * DKIM against an independent implementation: messages signed by python3-dkim's `dkimsign`,
 * keys served by BIND through dnsdist (test/support/test-zones.ts).
 */
const dohUrl = inject('dohUrl');
const resolver = dohResolver(dohUrl);
const root = new URL('../..', import.meta.url).pathname;
const keys = join(root, 'test/fixtures/dkim/keys');
const cli = join(root, 'dist/cli.js');

/** 8-bit header bytes (UTF-8 and a Latin-1 é), long lines and trailing whitespace: what canonicalisation must get right. */
const MESSAGE = Buffer.concat([
  Buffer.from('Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx.example.net with ESMTPS; Tue, 1 Dec 2026 10:00:05 +0000\r\n'),
  Buffer.from('From: Alice <alice@example.com>\r\nTo: bob@example.net\r\n'),
  Buffer.from('Subject: Gr\xc3\xbc\xc3\x9fe  and  caf\xe9 \r\n', 'latin1'),
  Buffer.from('Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <dkimpy-1@example.com>\r\n\r\n'),
  Buffer.from('Hello,  \r\n\r\nthe figures are attached.\t\r\n\r\n\r\n'),
]);

function dkimsign(message: Buffer, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('dkimsign', args, { encoding: 'buffer', timeout: 20_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('dkimsign is missing: install the Debian package python3-dkim (apt-get install python3-dkim)'));
      } else if (error) reject(new Error(`dkimsign failed: ${stderr.toString()}`));
      else resolve(stdout);
    });
    child.stdin?.end(message);
  });
}

const sign = (selector: string, key: string, options: string[] = [], domain = 'example.com') =>
  dkimsign(MESSAGE, [...options, selector, domain, join(keys, key)]);

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [join(root, 'scripts/build.mjs'), 'cli'], { cwd: root }, (error) => (error ? reject(error) : resolve())),
  );
});

describe('messages signed by python3-dkim, keys from BIND', () => {
  for (const hcanon of ['simple', 'relaxed']) {
    for (const bcanon of ['simple', 'relaxed']) {
      it(`rsa-sha256 and ed25519-sha256, c=${hcanon}/${bcanon}`, async () => {
        const rsa = await sign('dkimpy-rsa', 'rsa.key', ['--hcanon', hcanon, '--bcanon', bcanon]);
        const ed = await sign('dkimpy-ed', 'ed25519.key', ['--hcanon', hcanon, '--bcanon', bcanon, '--signalg', 'ed25519-sha256']);
        const [r] = (await verifyDkim(new Uint8Array(rsa), { resolver })).signatures;
        const [e] = (await verifyDkim(new Uint8Array(ed), { resolver })).signatures;
        expect(r).toMatchObject({ result: 'pass', canonicalization: `${hcanon}/${bcanon}`, key: { type: 'rsa', bits: 2048 } });
        expect(e).toMatchObject({ result: 'pass', algorithm: 'ed25519-sha256', key: { type: 'ed25519' } });
        // The same message with one 8-bit byte changed fails: the bytes were hashed, not a decoding of them.
        const changed = Buffer.from(rsa);
        changed[changed.indexOf(0xe9)] = 0xe8;
        expect((await verifyDkim(new Uint8Array(changed), { resolver })).signatures[0]!.result).toBe('fail');
      });
    }
  }

  it('rsa-sha1 is permerror under RFC 8301, with that reason first', async () => {
    const signed = await sign('dkimpy-rsa', 'rsa.key', ['--signalg', 'rsa-sha1']);
    const [v] = (await verifyDkim(new Uint8Array(signed), { resolver })).signatures;
    expect(v).toMatchObject({ result: 'permerror', reason: 'rsa-sha1' });
  });

  it('a revoked key is permerror, a zone that fails to load temperror', async () => {
    const revoked = await sign('revoked', 'rsa.key');
    expect((await verifyDkim(new Uint8Array(revoked), { resolver })).signatures[0]).toMatchObject({ result: 'permerror', reason: 'key-revoked' });
    const broken = await sign('sel', 'rsa.key', [], 'broken.example');
    expect((await verifyDkim(new Uint8Array(broken), { resolver })).signatures[0]).toMatchObject({ result: 'temperror', reason: 'key-lookup-failed' });
  });

  it('hoplens check-dkim FILE verifies the file and shows the facts and the DNS evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplens-dkim-'));
    const file = join(dir, 'signed.eml');
    writeFileSync(file, await sign('dkimpy-ed', 'ed25519.key', ['--signalg', 'ed25519-sha256']));
    const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [cli, 'check-dkim', file, '--resolver', dohUrl], { timeout: 20_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS +dkim +d=example\.com s=dkimpy-ed: pass \(Ed25519 key\)/);
    expect(run.stdout).toContain('dkimpy-ed._domainkey.example.com TXT → NOERROR');
    const json = await new Promise<string>((resolve) =>
      execFile(process.execPath, [cli, 'check-dkim', file, '--json', '--resolver', dohUrl], { timeout: 20_000 }, (_e, stdout) => resolve(stdout)),
    );
    expect(JSON.parse(json)).toMatchObject({ exactBytes: true, signaturesFound: 1, signatures: [{ domain: 'example.com', result: 'pass' }] });
  });
});
