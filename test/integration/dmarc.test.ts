import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { DmarcCheckResult } from '../../src/core/checks/dmarc/check.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { dohResolver } from '../../src/core/dns/doh.js';
import { checkDmarc } from '../../src/core/dmarc/index.js';

/** RFC 9989's DNS tree walk against BIND (test/support/zones/dmarc.example.zone and README.md). */
const dohUrl = inject('dohUrl');
const resolver = dohResolver(dohUrl);
const root = new URL('../..', import.meta.url).pathname;

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [join(root, 'scripts/build.mjs'), 'cli'], { cwd: root }, (error) => (error ? reject(error) : resolve())),
  );
});

describe('policy discovery through BIND', () => {
  it("the Author Domain's own record, p=", async () => {
    const out = await checkDmarc('own.dmarc.example', resolver);
    expect(out.discovery).toMatchObject({ outcome: 'found', source: 'author-domain', recordDomain: 'own.dmarc.example' });
    expect(out.policy).toMatchObject({ tag: 'p', effective: 'none' });
  });

  it("an existing subdomain takes the Organizational Domain's sp=, a non-existent one its np=", async () => {
    const sub = await checkDmarc('sub.dmarc.example', resolver);
    expect(sub.discovery).toMatchObject({
      source: 'organizational-domain',
      recordDomain: 'dmarc.example',
      existence: 'exists',
      orgDomain: { domain: 'dmarc.example' },
    });
    expect(sub.policy).toMatchObject({ tag: 'sp', effective: 'quarantine' });
    const ghost = await checkDmarc('ghost.dmarc.example', resolver);
    expect(ghost.discovery?.existence).toBe('does-not-exist');
    expect(ghost.policy).toMatchObject({ tag: 'np', effective: 'reject' });
  });

  it('t=y: reject applied as quarantine', async () => {
    expect((await checkDmarc('testing.dmarc.example', resolver)).policy).toEqual({ tag: 'p', requested: 'reject', testing: true, effective: 'quarantine' });
  });

  it('psd=n makes its name the Organizational Domain; psd=y makes the name below it one, and its policy applies', async () => {
    const dept = await checkDmarc('mail.dept.dmarc.example', resolver);
    expect(dept.discovery).toMatchObject({ recordDomain: 'dept.dmarc.example', orgDomain: { domain: 'dept.dmarc.example', rule: 'psd-n' } });
    expect(dept.discovery?.walk.steps.map((s) => s.domain)).toEqual(['mail.dept.dmarc.example', 'dept.dmarc.example']);
    const psd = await checkDmarc('www.shop.psd.dmarc.example', resolver);
    expect(psd.discovery).toMatchObject({
      source: 'public-suffix-domain',
      recordDomain: 'psd.dmarc.example',
      orgDomain: { domain: 'shop.psd.dmarc.example', rule: 'below-psd-y' },
    });
    expect(psd.policy).toMatchObject({ tag: 'sp', effective: 'none' });
  });

  it('two records at a name are discarded; a record in two TXT strings is joined; pct, ri, rf are ignored', async () => {
    const twice = await checkDmarc('twice.dmarc.example', resolver);
    expect(twice.discovery?.walk.steps[0]).toMatchObject({ outcome: 'multiple', count: 2 });
    expect(twice.discovery).toMatchObject({ recordDomain: 'dmarc.example' });
    expect((await checkDmarc('split.dmarc.example', resolver)).policy).toMatchObject({ tag: 'p', effective: 'reject' });
    const old = await checkDmarc('old.dmarc.example', resolver);
    expect(old.discovery?.record).toMatchObject({ p: 'quarantine', testing: false, retiredTags: ['pct=20', 'ri=86400', 'rf=afrf'] });
  });

  it('a name of twelve labels costs at most eight queries and skips the record the shortcut jumps over', async () => {
    const out = await checkDmarc('a.b.c.d.e.f.g.h.i.deep.dmarc.example', resolver);
    const asked = out.evidence.map((e) => e.question.name).filter((n) => n.startsWith('_dmarc.'));
    // All eight names go out at once; the walk reads them up to the psd=n record at i.deep.
    expect(asked).toHaveLength(8);
    expect(asked).not.toContain('_dmarc.c.d.e.f.g.h.i.deep.dmarc.example');
    expect(out.discovery?.walk.steps.map((s) => s.domain)).toEqual([
      'a.b.c.d.e.f.g.h.i.deep.dmarc.example',
      'f.g.h.i.deep.dmarc.example',
      'g.h.i.deep.dmarc.example',
      'h.i.deep.dmarc.example',
      'i.deep.dmarc.example',
    ]);
    expect(out.discovery).toMatchObject({ recordDomain: 'i.deep.dmarc.example', orgDomain: { domain: 'i.deep.dmarc.example', rule: 'psd-n' } });
  });

  it('SERVFAIL on the way up is temperror, never none', async () => {
    const out = await checkDmarc('ok.mid.dmarc.example', resolver);
    expect(out.discovery).toMatchObject({ outcome: 'temperror', failed: { name: '_dmarc.mid.dmarc.example', rcode: 'SERVFAIL' } });
  });
});

describe('the dmarc check of a message, and hoplens check-dmarc', () => {
  const message = (from: string) =>
    [
      'Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx.example.net with ESMTPS; Tue, 1 Dec 2026 10:00:05 +0000',
      'Return-Path: <bounce@example.com>',
      `From: Alice <alice@${from}>`,
      'To: bob@example.net',
      'Subject: DMARC',
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      'Message-ID: <dmarc-1@example.com>',
      '',
      'Hello.',
      '',
    ].join('\r\n');

  it('SPF passes for example.com, which is not aligned with dmarc.example: fail, and the record says reject', async () => {
    const report = await analyze(message('dmarc.example'), { resolver: cachingResolver(resolver) });
    const dmarc = report.checks.find((c): c is DmarcCheckResult => c.check === 'dmarc')!;
    expect(dmarc).toMatchObject({
      result: 'fail',
      subject: 'dmarc.example',
      details: { disposition: 'reject', identifiers: [{ kind: 'spf', domain: 'example.com', authenticated: true, aligned: 'no' }] },
    });
    expect(dmarc.advice.join(' ')).toContain('Set the envelope sender (Return-Path) to an address at dmarc.example or a subdomain of it');
  });

  it('check-dmarc prints the policy, the walk and each lookup; exit 0 with a record, 1 without', async () => {
    const run = (domain: string) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(process.execPath, [join(root, 'dist/cli.js'), 'check-dmarc', domain, '--resolver', dohUrl], { cwd: root, timeout: 20_000 }, (error, stdout) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
        ),
      );
    const found = await run('testing.dmarc.example');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('testing.dmarc.example: policy quarantine (t=y: reject in testing), from p= at _dmarc.testing.dmarc.example');
    expect(found.stdout).toContain('_dmarc.testing.dmarc.example');
    const none = await run('example.com');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('fix: Publish _dmarc.example.com');
  });
});
