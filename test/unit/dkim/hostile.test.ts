import { describe, expect, it } from 'vitest';
import { canonicalBody } from '../../../src/core/dkim/canonicalize-body.js';
import { verifyDkimBytes, MAX_SIGNATURES } from '../../../src/core/dkim/index.js';
import { parseTagList } from '../../../src/core/dkim/tag-list.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { plainMessage, rsaKey, signMessage } from '../../support/dkim-signer.js';
import { costRatio } from '../../support/scaling.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('hostile DKIM input', () => {
  it('a 1 MB signature field is refused with a clear result, in time linear in its size', { timeout: 60_000 }, async () => {
    const huge = (n: number) => plainMessage(`DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=${'A'.repeat(n)}`);
    const resolver = memoryResolver({});
    const out = await verifyDkimBytes(bytesOf(huge(1024 * 1024)), { resolver, now: NOW });
    expect(out.signatures[0]).toMatchObject({ result: 'permerror', reason: 'signature-too-large' });
    expect(out.signatures[0]!.explanation).toMatch(/bytes long/);
    expect(resolver.queries).toBe(0);
    const ratio = await costRatio((m) => verifyDkimBytes(bytesOf(m), { resolver, now: NOW }), huge(100 * 1024), huge(1024 * 1024));
    expect(ratio).toBeLessThan(30);
  });

  it('ten thousand signatures: counted, at most MAX_SIGNATURES verified, linear time', { timeout: 60_000 }, async () => {
    const many = (n: number) =>
      plainMessage(Array.from({ length: n }, (_, i) => `DKIM-Signature: v=1; a=rsa-sha256; d=d${i}.example.com; s=s; h=from; bh=AAAA; b=AAAA`).join('\r\n'));
    const resolver = memoryResolver({});
    const out = await verifyDkimBytes(bytesOf(many(10_000)), { resolver, now: NOW });
    expect(out.signaturesFound).toBe(10_000);
    expect(out.signatures).toHaveLength(MAX_SIGNATURES);
    expect(resolver.queries).toBe(MAX_SIGNATURES);
    const ratio = await costRatio((m) => verifyDkimBytes(bytesOf(m), { resolver, now: NOW }), many(1_000), many(10_000));
    expect(ratio).toBeLessThan(30);
  });

  it('a 64 kB key record and a malformed base64 key give clear permerrors', async () => {
    const key = await rsaKey();
    const signed = await signMessage(plainMessage(), key);
    const check = async (record: string) =>
      (await verifyDkimBytes(signed, { resolver: memoryResolver({ 'sel._domainkey.example.com': [{ type: 'TXT', data: record }] }), now: NOW })).signatures[0]!;
    const big = await check(`v=DKIM1; p=${'A'.repeat(64 * 1024)}`);
    expect(big).toMatchObject({ result: 'permerror', reason: 'key-syntax' });
    expect(big.explanation).toContain('kB');
    const bad = await check('v=DKIM1; p=MIIB$$notbase64');
    expect(bad).toMatchObject({ result: 'permerror', reason: 'key-base64' });
  });

  it('l= larger than the body is permerror, not a pass over what is there', async () => {
    const key = await rsaKey();
    const signed = await signMessage(plainMessage(), key, { bodyLength: 20 });
    const cut = bytesOf(text(signed).replace(/\r\n\r\n[\s\S]*$/, '\r\n\r\nHi\r\n'));
    const out = await verifyDkimBytes(cut, {
      resolver: memoryResolver({ 'sel._domainkey.example.com': [{ type: 'TXT', data: `p=${key.publicKey}` }] }),
      now: NOW,
    });
    expect(out.signatures[0]).toMatchObject({ result: 'permerror', reason: 'body-length-exceeds-body' });
  });

  it('body canonicalisation is linear in the body size', { timeout: 60_000 }, async () => {
    // Built once, outside the timing: only canonicalisation is measured.
    const bodies = new Map(['1', '8'].map((mb) => [mb, bytesOf('a line  with   runs of\t\tspace  \r\n'.repeat(Math.floor((Number(mb) * 1024 * 1024) / 34)))]));
    for (const method of ['simple', 'relaxed'] as const) {
      const ratio = await costRatio((mb) => canonicalBody(bodies.get(mb)!, method), '1', '8');
      expect(ratio, method).toBeLessThan(24);
    }
  });

  it('tag lists with long whitespace runs parse in linear time', { timeout: 60_000 }, async () => {
    const list = (n: number) => `a=${' '.repeat(n)}x${' '.repeat(n)}; b=1`;
    expect(parseTagList(list(10)).tags?.get('a')?.value).toBe('x');
    const ratio = await costRatio((l) => parseTagList(l), list(100_000), list(1_000_000));
    expect(ratio).toBeLessThan(30);
  });
});
