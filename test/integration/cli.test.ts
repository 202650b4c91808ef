import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { arcsign } from '../support/arcsign.js';

const dohUrl = inject('dohUrl');
const blackholeUrl = inject('blackholeUrl');
const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function hoplens(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

beforeAll(async () => {
  // The CLI under test is the built one, as users run it; build it so this file can run alone.
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [join(root, 'scripts/build.mjs'), 'cli'], { cwd: root }, (error) => (error ? reject(error) : resolve())),
  );
});

describe('hoplens analyze', () => {
  it('rebuilds the route of the sample and checks its sender live', async () => {
    const run = await hoplens(['analyze', 'public/samples/sample.eml', '--resolver', dohUrl]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sender: hop 3, 203.0.113.25 (high confidence)');
    expect(run.stdout).toMatch(/PASS +iprev +203\.0\.113\.25 → mail\.example\.com → 203\.0\.113\.25/);
    expect(run.stdout).toContain('Sender 203.0.113.25 mail.example.com — reverse DNS pass, HELO pass, SPF pass, DKIM none, MX pass');
    // The providers' checklist comes before the route, each requirement with its marks.
    const checklist = run.stdout.indexOf('Will Gmail, Yahoo and Outlook.com accept this sender?');
    expect(checklist).toBeGreaterThan(-1);
    expect(checklist).toBeLessThan(run.stdout.indexOf('Route, oldest hop first'));
    expect(run.stdout).toContain(
      'Summary: Gmail, Yahoo: meets all-sender requirements; bulk: DKIM, DMARC record, DMARC alignment, one-click unsubscribe missing',
    );
    expect(run.stdout).toMatch(/Forward-confirmed reverse DNS of the sending IP \[Gmail ✓, Yahoo ✓, Outlook\.com —\]/);
  });

  it('prints the whole report as JSON with its schema version, reading standard input', async () => {
    const sample = await import('node:fs').then((fs) => fs.readFileSync(join(root, 'public/samples/sample.eml'), 'utf8'));
    const run = await hoplens(['analyze', '-', '--json', '--resolver', dohUrl], sample);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(5);
    expect(report.dns).toMatchObject({ mode: 'live', resolver: dohUrl });
    expect(report.checks).toContainEqual(expect.objectContaining({ check: 'spf', subject: 'example.com', result: 'pass' }));
    expect(report.checks).toContainEqual(expect.objectContaining({ check: 'iprev', subject: '10.20.0.15', result: 'not-checked' }));
  });

  it("prints the providers' checklist or the hops as CSV with --csv", async () => {
    const checklist = await hoplens(['analyze', 'public/samples/sample.eml', '--csv', 'checklist', '--resolver', dohUrl]);
    expect(checklist.code).toBe(0);
    const lines = checklist.stdout.split('\r\n');
    expect(lines[0]).toBe('"provider","tier","requirement","label","mark","evidence","provider_text","source_url","source_read"');
    expect(lines).toContainEqual(expect.stringMatching(/^"gmail","all","ptr","[^"]+","met",/));
    const hops = await hoplens(['analyze', 'public/samples/sample.eml', '--csv', 'hops', '--resolver', dohUrl]);
    expect(hops.stdout.split('\r\n')[0]).toMatch(/^"hop","received_index","is_sender",/);
  });

  it('sends nothing with --no-dns and says the checks did not run', async () => {
    const run = await hoplens(['analyze', 'public/samples/sample.eml', '--no-dns', '--resolver', dohUrl]);
    expect(run.code).toBe(2);
    const off = await hoplens(['analyze', 'public/samples/sample.eml', '--no-dns']);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Checks: none ran, DNS lookups are off (--no-dns)');
  });

  it('reports a resolver that never answers as temperror, not as a verdict', async () => {
    const run = await hoplens(['analyze', 'public/samples/sample.eml', '--json', '--timeout', '300', '--resolver', blackholeUrl]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const origin = report.checks.find((c: { check: string; subject: string }) => c.check === 'iprev' && c.subject === '203.0.113.25');
    expect(origin.result).toBe('temperror');
    expect(report.checks.filter((c: { result: string }) => c.result === 'pass')).toEqual([]);
  });

  it.each([
    ['an empty input', '', /empty/i],
    ['text that is not a message', 'hello, this is not an e-mail at all\n', /not .*message|header/i],
    ['a message without Received headers', 'From: a@example.com\nTo: b@example.com\nSubject: draft\n\nbody\n', /Received/],
  ])('refuses %s with exit code 2 and one line', async (_what, input, reason) => {
    const run = await hoplens(['analyze', '--no-dns'], input);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a missing file, a directory and binary junk with one line each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplens-cli-'));
    const png = join(dir, 'image.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]));
    for (const file of [join(dir, 'absent.eml'), dir, png]) {
      const run = await hoplens(['analyze', file, '--no-dns']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^hoplens: /);
    }
    // In words, with the code for a search.
    expect((await hoplens(['analyze', join(dir, 'absent.eml')])).stderr).toBe(`hoplens: cannot read ${join(dir, 'absent.eml')}: no such file (ENOENT)\n`);
    expect((await hoplens(['analyze', dir])).stderr).toBe(`hoplens: cannot read ${dir}: that is a folder, not a file (EISDIR)\n`);
  });

  it('refuses standard input past the size limit as soon as it is passed, in one line', async () => {
    const run = await new Promise<Run>((resolve) => {
      const child = execFile(process.execPath, [cli, 'analyze', '--no-dns'], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      // 60 MB offered; the CLI stops reading after 40 MB, so later writes may fail: that is the point.
      child.stdin?.on('error', () => undefined);
      let sent = 0;
      const pump = () => {
        while (sent < 60 && child.stdin?.write(chunk)) sent++;
        if (sent < 60)
          child.stdin?.once('drain', () => {
            sent++;
            pump();
          });
        else child.stdin?.end();
      };
      pump();
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hoplens: The input is more than 40\.\d MB, over Hoplens' limit of 40 MB\./);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('numbers attached messages from 1, in what it accepts and in what it says', async () => {
    const run = await hoplens(['analyze', 'public/samples/sample.eml', '--no-dns', '--embedded', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoplens: There is no attached message number 1: this message carries none.\n');
  });

  it('refuses an unknown option or resolver with the choices it can use', async () => {
    const bogus = await hoplens(['analyze', '--bogus']);
    expect(bogus).toMatchObject({ code: 2, stderr: 'hoplens: unknown option --bogus (try hoplens --help)\n' });
    const foo = await hoplens(['analyze', 'public/samples/sample.eml', '--resolver', 'foo']);
    expect(foo.code).toBe(2);
    expect(foo.stderr).toBe(
      'hoplens: unknown resolver "foo": use cloudflare or google, or a DoH URL such as https://dns.example/dns-query (try hoplens --help)\n',
    );
  });
});

/** A message whose report is far larger than the 64 KiB a pipe holds. */
function manyHops(count: number): string {
  const received = Array.from({ length: count }, (_, i) => {
    const n = count - 1 - i;
    return `Received: from host${n}.example.com (host${n}.example.com [10.0.${n >> 8}.${(n & 255) + 1}])\n\tby host${n + 1}.example.com with ESMTP id Q${n}; Tue, 14 Oct 2025 09:12:02 +0000`;
  });
  return `${received.join('\n')}\nFrom: a@example.com\nTo: b@example.net\nSubject: many hops\n\nbody\n`;
}

describe('hoplens analyze --origin-hop', () => {
  it.each([['99'], ['1']])('refuses hop %s with one line when it cannot be the sender', async (hop) => {
    const input = hop === '1' ? 'Received: by mx.example.net; Tue, 14 Oct 2025 09:12:06 +0000\nFrom: a@example.com\n\nbody\n' : undefined;
    const run = await hoplens(['analyze', input ? '-' : 'public/samples/sample.eml', '--no-dns', '--origin-hop', hop], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `hoplens: --origin-hop ${hop} names no hop with a client IP address (hops count from 1, oldest first, as printed without --origin-hop)\n`,
    );
  });
});

describe('hoplens output', () => {
  it('writes a report larger than a pipe buffer whole before it exits', async () => {
    // Through a shell pipe, as `hoplens analyze --json | jq` runs: it holds 64 KiB at most.
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        '/bin/sh',
        ['-c', `"${process.execPath}" "${cli}" analyze - --no-dns --json | cat`],
        { cwd: root, maxBuffer: 1 << 24 },
        (error, out) => (error ? reject(error) : resolve(out)),
      );
      child.stdin?.end(manyHops(300));
    });
    expect(stdout.length).toBeGreaterThan(200_000);
    expect(JSON.parse(stdout).route.hops).toHaveLength(300);
  });

  it('ends quietly when the reader of its output goes away, as with | head', async () => {
    const child = spawn(process.execPath, [cli, 'analyze', '-', '--no-dns', '--json'], { cwd: root });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(manyHops(300));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

/** One ARC set whose key lookup is the only question: its signatures are never reached. */
const SEALED_BY_HAND = [
  'ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; s=hangs; b=AAAA',
  'ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=hangs; h=from;',
  ' bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA',
  'ARC-Authentication-Results: i=1; mx.example.com; spf=pass smtp.mailfrom=example.com',
  'From: a@example.com',
  '',
  'body',
  '',
].join('\r\n');

describe('hoplens check-ip, check-dkim, check-arc and check-dmarc under a resolver that never answers', () => {
  // Without the deadline each would wait out two 15 s attempts per question, past this test's 20 s.
  const signed = [
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=hangs; h=from:subject;',
    ' bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA',
    'From: a@example.com',
    'Subject: held',
    '',
    'body',
    '',
  ].join('\r\n');
  it.each([
    ['check-ip', ['check-ip', '203.0.113.25'], ''],
    ['check-dkim', ['check-dkim', '-'], signed],
    ['check-arc', ['check-arc', '-'], SEALED_BY_HAND],
    ['check-dmarc', ['check-dmarc', 'example.com'], ''],
  ])('%s ends at --deadline with a temperror that names it', async (_command, args, input) => {
    const run = await hoplens([...args, '--json', '--resolver', blackholeUrl, '--timeout', '15000', '--deadline', '1500'], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the analysis deadline of 1500 ms passed');
  });
});

describe('hoplens check-arc', () => {
  // arcsign seals only what its own server recorded: the Authentication-Results of mx.example.org.
  const message = [
    'Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com',
    'Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx.example.org with ESMTPS; Tue, 1 Dec 2026 10:00:05 +0000',
    'From: Alice <alice@example.com>',
    'To: list@example.org',
    'Subject: forwarded',
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    '',
    'the figures are attached.',
    '',
  ].join('\r\n');

  it('verifies a chain sealed by python3-dkim: exit 0 on pass, 1 when the body changed after sealing', async () => {
    const sealed = (await arcsign(Buffer.from(message), 'example.org', 'mx.example.org')).toString('latin1');
    const dir = mkdtempSync(join(tmpdir(), 'hoplens-arc-'));
    writeFileSync(join(dir, 'sealed.eml'), sealed, 'latin1');
    const pass = await hoplens(['check-arc', join(dir, 'sealed.eml'), '--resolver', dohUrl]);
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/^ {2}PASS +arc +chain pass \(1 set verified\)/);
    expect(pass.stdout).toContain('arc._domainkey.example.org');
    const changed = await hoplens(['check-arc', '-', '--json', '--resolver', dohUrl], sealed.replace('the figures', 'the numbers'));
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toMatchObject({ result: 'fail', reason: 'message-signature', failedInstance: 1 });
  });

  it('says a message without ARC fields has none, exit 1, without a lookup', async () => {
    const run = await hoplens(['check-arc', '-', '--resolver', blackholeUrl], message);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('this message has no ARC header fields');
  });
});

describe('hoplens check-ip', () => {
  it('answers iprev for one address, exit 0 on pass and 1 otherwise', async () => {
    const pass = await hoplens(['check-ip', '203.0.113.25', '--resolver', dohUrl]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/^iprev pass: mail\.example\.com has the A record 203\.0\.113\.25/);
    const fail = await hoplens(['check-ip', '203.0.113.27', '--resolver', dohUrl, '--json']);
    expect(fail.code).toBe(1);
    expect(JSON.parse(fail.stdout)).toMatchObject({ result: 'fail', ptrNames: ['other.example.com'] });
  });

  it('looks up more than ten names at once without a warning on stderr', async () => {
    const run = await hoplens(['check-ip', '203.0.113.31', '--resolver', dohUrl]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(1 more left out: at most 10 are tried)');
    expect(run.stderr).toBe('');
  });

  it('never sends a private address to the resolver', async () => {
    const run = await hoplens(['check-ip', '10.1.2.3', '--resolver', blackholeUrl]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoplens: 10.1.2.3 is a private address (RFC 1918): never sent to a resolver; a receiver on the Internet never sees it\n');
  });

  it('stops on Ctrl-C while lookups hang, saying so with exit code 130', async () => {
    // A resolver of this test's own that holds every request: the interrupt is sent once a
    // lookup is in flight, not after a guessed time (a loaded machine may still be starting node).
    const held: ServerResponse[] = [];
    let arrived = () => {};
    const server = createServer((_request, response) => {
      held.push(response);
      arrived();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`;
    try {
      for (const args of [
        ['check-ip', '203.0.113.25'],
        ['analyze', 'public/samples/sample.eml'],
      ]) {
        const inFlight = new Promise<void>((resolve) => (arrived = resolve));
        const child = spawn(process.execPath, [cli, ...args, '--resolver', url, '--timeout', '15000'], { cwd: root });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
        await inFlight;
        child.kill('SIGINT');
        expect(await closed).toBe(130);
        expect(stderr).toBe('hoplens: cancelled\n');
      }
    } finally {
      for (const response of held) response.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses the options of analyze instead of ignoring them: --no-dns would still have sent the query', async () => {
    for (const option of [['--no-dns'], ['--origin-hop', '2'], ['--embedded', '1']]) {
      const run = await hoplens(['check-ip', '203.0.113.25', '--resolver', blackholeUrl, ...option]);
      expect(run).toMatchObject({ code: 2, stderr: `hoplens: check-ip does not take ${option[0]} (try hoplens --help)\n` });
    }
  });

  it('refuses a resolver the CLI cannot speak to', async () => {
    const quad9 = await hoplens(['check-ip', '203.0.113.25', '--resolver', 'quad9']);
    expect(quad9.code).toBe(2);
    expect(quad9.stderr).toMatch(/HTTP\/2 only/);
    const plain = await hoplens(['check-ip', '203.0.113.25', '--resolver', 'http://dns.example/dns-query']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^hoplens: .*loopback/);
  });
});
