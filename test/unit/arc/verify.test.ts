import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARC_SETS, verifyArcBytes } from '../../../src/core/arc/index.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { sealMessage } from '../../support/arc-signer.js';
import { ed25519Key, plainMessage, rsaKey, type TestKey } from '../../support/dkim-signer.js';
import { costRatio } from '../../support/scaling.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('ARC chains sealed with WebCrypto (RFC 8617 §5.2)', () => {
  let rsa: TestKey;
  let other: TestKey;
  let ed: TestKey;
  let zone: MemoryZone;
  beforeAll(async () => {
    [rsa, other, ed] = await Promise.all([rsaKey(), rsaKey(), ed25519Key()]);
    zone = {
      'arc._domainkey.forwarder.example': [{ type: 'TXT', data: `v=DKIM1; p=${rsa.publicKey}` }],
      'arc._domainkey.list.example': [{ type: 'TXT', data: `v=DKIM1; p=${other.publicKey}` }],
      'ed._domainkey.list.example': [{ type: 'TXT', data: `v=DKIM1; k=ed25519; p=${ed.publicKey}` }],
      'arc._domainkey.down.example': 'SERVFAIL',
    };
  });
  const verify = (bytes: Uint8Array, extra: { bodyAvailable?: boolean } = {}) => {
    const resolver = memoryResolver(zone);
    return verifyArcBytes(bytes, { resolver, now: NOW, ...extra }).then((out) => ({ out, queries: resolver.queries }));
  };
  const twoSets = async () =>
    sealMessage(await sealMessage(plainMessage(), rsa), other, { domain: 'list.example', results: 'arc=pass; dmarc=pass header.from=example.com' });

  it('one set: pass, with the sealer, cv=none and what the intermediary claimed', async () => {
    const { out } = await verify(await sealMessage(plainMessage(), rsa));
    expect(out).toMatchObject({ result: 'pass', reason: null, failedInstance: null, structure: 'intact', fieldsFound: 3 });
    const [set] = out.sets;
    expect(set).toMatchObject({ instance: 1, cv: 'none', seal: { result: 'pass', domain: 'forwarder.example', selector: 'arc', key: { bits: 2048 } } });
    expect(set!.messageSignature).toMatchObject({ result: 'pass', domain: 'forwarder.example', bodyHash: 'match' });
    expect(set!.authResults).toMatchObject({ instance: 1, authservId: 'mx.forwarder.example' });
    expect(set!.authResults!.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass', 'dmarc=pass']);
    expect(set!.seal!.evidence[0]).toMatchObject({ question: { name: 'arc._domainkey.forwarder.example', type: 'TXT' } });
  });

  it('two sets by two sealers (RSA and Ed25519 keys): pass; every key asked at once', async () => {
    const { out, queries } = await verify(await twoSets());
    expect(out.result).toBe('pass');
    expect(out.sets.map((s) => [s.instance, s.cv, s.seal?.result, s.messageSignature?.result])).toEqual([
      [1, 'none', 'pass', 'pass'],
      [2, 'pass', 'pass', 'pass'],
    ]);
    expect(queries).toBe(2);
    const ed2 = await sealMessage(await sealMessage(plainMessage(), rsa), ed, { domain: 'list.example', selector: 'ed' });
    expect((await verify(ed2)).out).toMatchObject({ result: 'pass', sets: [{ seal: { key: { type: 'rsa' } } }, { seal: { key: { type: 'ed25519' } } }] });
  });

  it('a body changed after the newest set: the newest AMS fails on its body hash, the chain fails at that instance', async () => {
    const changed = bytesOf(text(await twoSets()).replace('this is a test.', 'this is a test, with a footer.'));
    const { out } = await verify(changed);
    expect(out).toMatchObject({ result: 'fail', reason: 'message-signature', failedInstance: 2 });
    expect(out.sets[1]!.messageSignature).toMatchObject({ result: 'fail', reason: 'body-hash-mismatch' });
    expect(out.explanation).toMatch(/newest ARC-Message-Signature \(i=2\)/);
  });

  it('a list footer added between the sets: the chain passes (only the newest AMS decides), the older AMS shows it', async () => {
    const first = text(await sealMessage(plainMessage(), rsa)).replace('this is a test.', 'this is a test.\r\n-- \r\nlist footer');
    const { out } = await verify(await sealMessage(first, other, { domain: 'list.example' }));
    expect(out.result).toBe('pass');
    expect(out.sets.map((s) => s.messageSignature?.bodyHash)).toEqual(['mismatch', 'match']);
  });

  it('a set changed after it was sealed: its seal, and every later one, fails', async () => {
    const sealed = text(await twoSets());
    const changed = bytesOf(sealed.replace('i=1; mx.forwarder.example; spf=pass', 'i=1; mx.forwarder.example; spf=fail'));
    const { out } = await verify(changed);
    expect(out).toMatchObject({ result: 'fail', reason: 'seal', failedInstance: 2 });
    expect(out.sets.map((s) => s.seal?.result)).toEqual(['fail', 'fail']);
    expect(out.sets[0]!.seal!.explanation).toMatch(/sets 1 to 1/);
  });

  it('a gap in the instances fails on structure, before any lookup', async () => {
    const one = text(await sealMessage(plainMessage(), rsa));
    const gap = await sealMessage(one, other, { domain: 'list.example', instance: 3 });
    const { out, queries } = await verify(gap);
    expect(out).toMatchObject({ result: 'fail', reason: 'structure', structure: 'broken' });
    expect(out.explanation).toMatch(/instance 2 has 0 ARC-Seal fields/);
    expect(queries).toBe(0);
  });

  it('two sets of one instance fail on structure', async () => {
    const doubled = await sealMessage(await sealMessage(plainMessage(), rsa), other, { domain: 'list.example', instance: 1 });
    expect((await verify(doubled)).out).toMatchObject({ result: 'fail', reason: 'structure' });
  });

  it('cv=fail on the newest seal ends the chain (step 2), and cv=pass on i=1 breaks its structure', async () => {
    const failed = await sealMessage(await sealMessage(plainMessage(), rsa), other, { domain: 'list.example', cv: 'fail' });
    const { out, queries } = await verify(failed);
    expect(out).toMatchObject({ result: 'fail', reason: 'cv-fail', failedInstance: 2 });
    expect(queries).toBe(0);
    const wrongFirst = await sealMessage(plainMessage(), rsa, { cv: 'pass' });
    expect((await verify(wrongFirst)).out).toMatchObject({ result: 'fail', reason: 'structure' });
  });

  it('51 sets fail on the limit of 50, before any lookup', async () => {
    const sets = Array.from({ length: MAX_ARC_SETS + 1 }, (_, n) => {
      const i = n + 1;
      return [
        `ARC-Seal: i=${i}; a=rsa-sha256; cv=${i === 1 ? 'none' : 'pass'}; d=f${i}.example; s=arc; b=AAAA`,
        `ARC-Message-Signature: i=${i}; a=rsa-sha256; c=relaxed/relaxed; d=f${i}.example; s=arc; h=from; bh=AAAA; b=AAAA`,
        `ARC-Authentication-Results: i=${i}; mx.f${i}.example; spf=pass`,
      ].join('\r\n');
    });
    const { out, queries } = await verify(bytesOf(plainMessage(sets.reverse().join('\r\n'))));
    expect(out).toMatchObject({ result: 'fail', reason: 'too-many-sets', fieldsFound: 153 });
    expect(queries).toBe(0);
  });

  it('a key lookup that gets no answer is temperror, never fail', async () => {
    const { out } = await verify(await sealMessage(plainMessage(), rsa, { domain: 'down.example' }));
    expect(out).toMatchObject({ result: 'temperror', reason: 'key-lookup-failed', failedInstance: 1 });
  });

  it('no key published fails the chain at that seal', async () => {
    const { out } = await verify(await sealMessage(plainMessage(), rsa, { domain: 'nokey.example' }));
    expect(out).toMatchObject({ result: 'fail', reason: 'message-signature', failedInstance: 1 });
    expect(out.sets[0]!.seal).toMatchObject({ result: 'permerror', reason: 'key-missing' });
  });

  it('headers only: the seals verify, the body hash is not checked, so neutral, never pass', async () => {
    const { out } = await verify(await twoSets(), { bodyAvailable: false });
    expect(out).toMatchObject({ result: 'neutral', reason: 'body-unavailable', bodyAvailable: false });
  });

  it('a seal with h= is invalid (RFC 8617 §4.1.3)', async () => {
    const { out } = await verify(await sealMessage(plainMessage(), rsa, { sealTags: 'h=from' }));
    expect(out).toMatchObject({ result: 'fail', reason: 'seal' });
    expect(out.sets[0]!.seal).toMatchObject({ result: 'permerror', reason: 'seal-has-h' });
  });

  it('no ARC fields: none', async () => {
    const { out, queries } = await verify(bytesOf(plainMessage()));
    expect(out).toMatchObject({ result: 'none', sets: [], fieldsFound: 0 });
    expect(queries).toBe(0);
  });
});

describe('hostile ARC input', () => {
  it('a 1 MB ARC-Seal is refused with a clear result, in time linear in its size', { timeout: 60_000 }, async () => {
    const huge = (n: number) =>
      plainMessage(
        [
          `ARC-Seal: i=1; a=rsa-sha256; cv=none; d=f.example; s=arc; b=${'A'.repeat(n)}`,
          'ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=f.example; s=arc; h=from; bh=AAAA; b=AAAA',
          `ARC-Authentication-Results: i=1; mx.f.example; spf=pass (${'x'.repeat(n)})`,
        ].join('\r\n'),
      );
    const resolver = memoryResolver({});
    const out = await verifyArcBytes(bytesOf(huge(1024 * 1024)), { resolver, now: NOW });
    expect(out).toMatchObject({ result: 'fail', reason: 'message-signature' });
    expect(out.sets[0]!.seal).toMatchObject({ result: 'permerror', reason: 'signature-too-large' });
    const ratio = await costRatio((m) => verifyArcBytes(bytesOf(m), { resolver, now: NOW }), huge(128 * 1024), huge(1024 * 1024));
    expect(ratio).toBeLessThan(30);
  });

  it('ten thousand ARC fields: a broken structure, no lookup, linear time', { timeout: 60_000 }, async () => {
    const many = (n: number) =>
      plainMessage(Array.from({ length: n }, (_, i) => `ARC-Seal: i=${(i % 50) + 1}; a=rsa-sha256; cv=pass; d=d${i}.example; s=s; b=AAAA`).join('\r\n'));
    const resolver = memoryResolver({});
    const out = await verifyArcBytes(bytesOf(many(10_000)), { resolver, now: NOW });
    expect(out).toMatchObject({ result: 'fail', reason: 'structure', fieldsFound: 10_000 });
    expect(resolver.queries).toBe(0);
    const ratio = await costRatio((m) => verifyArcBytes(bytesOf(m), { resolver, now: NOW }), many(2_000), many(20_000));
    expect(ratio).toBeLessThan(30);
  });
});
