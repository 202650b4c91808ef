import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDkimBytes } from '../../../src/core/dkim/index.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { ed25519Key, plainMessage, rsaKey, signMessage, type TestKey } from '../../support/dkim-signer.js';

const RFC8463 = readFileSync(new URL('../../fixtures/dkim/rfc8463-a3.eml', import.meta.url));
/** RFC 8463 Appendix A.2. */
const RFC8463_ZONE: MemoryZone = {
  'brisbane._domainkey.football.example.com': [{ type: 'TXT', data: 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=' }],
  'test._domainkey.football.example.com': [
    {
      type: 'TXT',
      data: [
        'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR',
        'iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC',
        'DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3',
        'Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
      ],
    },
  ],
};

const NOW = new Date('2026-12-01T12:00:00Z');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('RFC 8463 Appendix A', () => {
  it('verifies both published signatures with the published keys', async () => {
    const out = await verifyDkimBytes(RFC8463, { resolver: memoryResolver(RFC8463_ZONE), now: NOW });
    expect(out.signaturesFound).toBe(2);
    expect(out.signatures.map((s) => [s.algorithm, s.result])).toEqual([
      ['ed25519-sha256', 'pass'],
      ['rsa-sha256', 'pass'],
    ]);
    const [ed, rsa] = out.signatures;
    expect(ed).toMatchObject({
      domain: 'football.example.com',
      selector: 'brisbane',
      canonicalization: 'relaxed/relaxed',
      bodyCoverage: 'whole',
      bodyHash: 'match',
    });
    expect(ed!.key).toMatchObject({ type: 'ed25519', bits: 256, format: 'raw' });
    expect(rsa!.key).toMatchObject({ type: 'rsa', bits: 1024, format: 'spki' });
    // h= over-signs from, subject and date: the second instance of each names no field.
    expect(ed!.absentHeaders).toEqual(['from', 'subject', 'date']);
    expect(ed!.evidence[0]?.question).toEqual({ name: 'brisbane._domainkey.football.example.com', type: 'TXT' });
    expect(ed!.signedAt).toBe('2018-06-10T13:38:29.000Z');
  });

  it('fails both when the body changes, and says it is the body', async () => {
    const changed = bytesOf(text(RFC8463).replace('hungry', 'hungrY'));
    const out = await verifyDkimBytes(changed, { resolver: memoryResolver(RFC8463_ZONE), now: NOW });
    expect(out.signatures.map((s) => [s.result, s.reason])).toEqual([
      ['fail', 'body-hash-mismatch'],
      ['fail', 'body-hash-mismatch'],
    ]);
    expect(out.signatures[0]!.explanation).toContain('header signature is correct');
  });

  it('fails both when a signed header changes', async () => {
    const changed = bytesOf(text(RFC8463).replace('Is dinner ready?', 'Is dinner ready!'));
    const out = await verifyDkimBytes(changed, { resolver: memoryResolver(RFC8463_ZONE), now: NOW });
    expect(out.signatures.map((s) => s.reason)).toEqual(['signature-mismatch', 'signature-mismatch']);
  });

  it('a second From added below breaks the over-signed signatures', async () => {
    const changed = bytesOf(text(RFC8463).replace('\r\n\r\nHi.', '\r\nFrom: Mallory <m@example.org>\r\n\r\nHi.'));
    const out = await verifyDkimBytes(changed, { resolver: memoryResolver(RFC8463_ZONE), now: NOW });
    expect(out.signatures.every((s) => s.result === 'fail')).toBe(true);
  });

  it('headers alone: the header signature is checked, never a pass', async () => {
    const headers = bytesOf(text(RFC8463).split('\r\n\r\n')[0]! + '\r\n');
    const out = await verifyDkimBytes(headers, { resolver: memoryResolver(RFC8463_ZONE), now: NOW, bodyAvailable: false });
    expect(out.signatures.map((s) => s.result)).toEqual(['neutral', 'neutral']);
    expect(out.signatures[0]!.explanation).toContain('headers signed correctly; the body was not available, so the body hash was not checked');
    expect(out.signatures[0]!.bodyHash).toBe('not-checked');
  });

  it('reads a message stored with LF line ends as the CRLF it was signed in', async () => {
    const lf = bytesOf(text(RFC8463).replace(/\r\n/g, '\n'));
    const out = await verifyDkimBytes(lf, { resolver: memoryResolver(RFC8463_ZONE), now: NOW });
    expect(out.signatures.map((s) => s.result)).toEqual(['pass', 'pass']);
  });

  it('a key lookup that fails is temperror, never fail', async () => {
    const zone = {
      ...RFC8463_ZONE,
      'test._domainkey.football.example.com': 'SERVFAIL' as const,
      'brisbane._domainkey.football.example.com': 'TIMEOUT' as const,
    };
    const out = await verifyDkimBytes(RFC8463, { resolver: memoryResolver(zone), now: NOW });
    expect(out.signatures.map((s) => [s.result, s.reason])).toEqual([
      ['temperror', 'key-lookup-failed'],
      ['temperror', 'key-lookup-failed'],
    ]);
  });

  it('no key published is permerror (no key for signature)', async () => {
    const out = await verifyDkimBytes(RFC8463, { resolver: memoryResolver({}), now: NOW });
    expect(out.signatures.map((s) => s.reason)).toEqual(['key-missing', 'key-missing']);
    expect(out.signatures[0]!.result).toBe('permerror');
  });
});

describe('signatures made with WebCrypto', () => {
  let rsa: TestKey;
  let ed: TestKey;
  beforeAll(async () => {
    [rsa, ed] = await Promise.all([rsaKey(), ed25519Key()]);
  });
  const zone = (record: string, selector = 'sel', domain = 'example.com'): MemoryZone => ({
    [`${selector}._domainkey.${domain}`]: [{ type: 'TXT', data: record }],
  });
  const verify = async (bytes: Uint8Array, record: string, extra: { arrivedAt?: Date; bodyAvailable?: boolean } = {}) =>
    (await verifyDkimBytes(bytes, { resolver: memoryResolver(zone(record)), now: NOW, ...extra })).signatures[0]!;

  for (const canon of ['simple/simple', 'simple/relaxed', 'relaxed/simple', 'relaxed/relaxed'] as const) {
    it(`${canon}: passes as signed, and whitespace changes pass only where relaxed absorbs them`, async () => {
      const signed = await signMessage(plainMessage(), rsa, { canonicalization: canon });
      expect((await verify(signed, `v=DKIM1; p=${rsa.publicKey}`)).result).toBe('pass');
      const bodySpaces = bytesOf(text(signed).replace('this is a test.', 'this  is a test.   '));
      expect((await verify(bodySpaces, `v=DKIM1; p=${rsa.publicKey}`)).result).toBe(canon.endsWith('/relaxed') ? 'pass' : 'fail');
      const refolded = bytesOf(text(signed).replace('Subject: Quarterly figures', 'Subject:  Quarterly\r\n   figures'));
      expect((await verify(refolded, `v=DKIM1; p=${rsa.publicKey}`)).result).toBe(canon.startsWith('relaxed/') ? 'pass' : 'fail');
      const blankLinesAtEnd = bytesOf(`${text(signed)}\r\n\r\n`);
      expect((await verify(blankLinesAtEnd, `v=DKIM1; p=${rsa.publicKey}`)).result).toBe('pass');
    });
  }

  it('Ed25519 signatures verify through WebCrypto', async () => {
    const signed = await signMessage(plainMessage(), ed);
    const v = await verify(signed, `v=DKIM1; k=ed25519; p=${ed.publicKey}`);
    expect(v).toMatchObject({ result: 'pass', key: { type: 'ed25519', bits: 256 } });
  });

  it('l=: a signed prefix passes with the rest marked unsigned; l= beyond the body is permerror', async () => {
    const signed = await signMessage(plainMessage(), rsa, { bodyLength: 8 });
    const appended = bytesOf(`${text(signed)}Click here: https://phish.example.org/\r\n`);
    const v = await verify(appended, `p=${rsa.publicKey}`);
    expect(v).toMatchObject({ result: 'pass', bodyCoverage: 'partial', bodyLength: 8 });
    expect(v.explanation).toContain('Only the first 8 bytes');
    const long = await signMessage(plainMessage(), rsa, { extraTags: 'l=100000' });
    expect(await verify(long, `p=${rsa.publicKey}`)).toMatchObject({ result: 'permerror', reason: 'body-length-exceeds-body' });
  });

  it('duplicate fields are taken bottom-up', async () => {
    const message = plainMessage('Subject: second subject');
    const signed = await signMessage(message, rsa, { headers: ['from', 'subject'] });
    expect((await verify(signed, `p=${rsa.publicKey}`)).result).toBe('pass');
    // The bottom Subject is the signed one: changing the top one changes nothing.
    const topChanged = bytesOf(text(signed).replace('Subject: Quarterly figures', 'Subject: Changed'));
    expect((await verify(topChanged, `p=${rsa.publicKey}`)).result).toBe('pass');
    const bottomChanged = bytesOf(text(signed).replace('Subject: second subject', 'Subject: changed'));
    expect((await verify(bottomChanged, `p=${rsa.publicKey}`)).reason).toBe('signature-mismatch');
  });

  it('8-bit and UTF-8 header bytes are hashed as they arrived', async () => {
    const latin1 = bytesOf(plainMessage().replace('Subject: Quarterly figures', 'Subject: Caf\xe9 r\xc3\xa9sum\xc3\xa9'));
    const signed = await signMessage(latin1, rsa);
    expect((await verify(signed, `p=${rsa.publicKey}`)).result).toBe('pass');
    // Decoding and re-encoding the text would change the bytes, and the signature with them.
    const reencoded = new TextEncoder().encode(new TextDecoder('utf-8').decode(signed));
    expect((await verify(reencoded, `p=${rsa.publicKey}`)).reason).toBe('signature-mismatch');
  });

  it('key records: PKCS#1 keys, testing, strict, revoked, wrong type, hash and service', async () => {
    const signed = await signMessage(plainMessage(), rsa);
    expect(await verify(signed, `v=DKIM1; p=${rsa.pkcs1}`)).toMatchObject({ result: 'pass', key: { format: 'pkcs1', bits: 2048 } });
    const testing = await verify(signed, `v=DKIM1; t=y; p=${rsa.publicKey}`);
    expect(testing).toMatchObject({ result: 'pass', key: { testing: true } });
    expect(testing.explanation).toContain('t=y');
    expect(await verify(signed, 'v=DKIM1; p=')).toMatchObject({ result: 'permerror', reason: 'key-revoked' });
    expect(await verify(signed, `v=DKIM1; k=ed25519; p=${rsa.publicKey}`)).toMatchObject({ reason: 'key-type-mismatch' });
    expect(await verify(signed, `v=DKIM1; h=sha1; p=${rsa.publicKey}`)).toMatchObject({ reason: 'key-hash-not-allowed' });
    expect(await verify(signed, `v=DKIM1; s=other; p=${rsa.publicKey}`)).toMatchObject({ reason: 'key-service' });
    expect(await verify(signed, `v=DKIM1; p=${rsa.publicKey.slice(0, 40)}!!`)).toMatchObject({ result: 'permerror', reason: 'key-base64' });
    expect(await verify(signed, `k=rsa; v=DKIM1; p=${rsa.publicKey}`)).toMatchObject({ reason: 'key-syntax' });
    expect(await verify(signed, 'v=DKIM1; p=AAAA')).toMatchObject({ result: 'permerror', reason: 'key-invalid' });
    const sub = await signMessage(plainMessage(), rsa, { extraTags: 'i=alice@mail.example.com' });
    expect((await verify(sub, `p=${rsa.publicKey}`)).result).toBe('pass');
    expect(await verify(sub, `t=s; p=${rsa.publicKey}`)).toMatchObject({ result: 'permerror', reason: 'key-strict-identity' });
  });

  it('RFC 8301: rsa-sha1 and keys under 1024 bits are permerror with that reason, never a plain fail', async () => {
    const sha1 = await rsaKey(2048, 'SHA-1');
    const signed = await signMessage(plainMessage(), sha1);
    const v = await verify(signed, `p=${sha1.publicKey}`);
    expect(v).toMatchObject({ result: 'permerror', reason: 'rsa-sha1' });
    expect(v.explanation).toContain('RFC 8301');
    expect(v.explanation).toContain('signature itself is correct');
    const broken = await verify(bytesOf(text(signed).replace('Quarterly', 'Monthly')), `p=${sha1.publicKey}`);
    expect(broken).toMatchObject({ result: 'permerror', reason: 'rsa-sha1' });
    const small = await rsaKey(512);
    const weak = await signMessage(plainMessage(), small);
    const w = await verify(weak, `p=${small.publicKey}`);
    expect(w).toMatchObject({ result: 'permerror', reason: 'key-too-small' });
    expect(w.explanation).toContain('512 bits');
    expect(w.explanation).toContain('RFC 8301');
  });

  it('signature tags: i= outside d=, From unsigned, missing, duplicate and unknown tags', async () => {
    const record = `p=${rsa.publicKey}`;
    const cases: [Parameters<typeof signMessage>[2], string][] = [
      [{ extraTags: 'i=alice@example.org' }, 'identity-outside-domain'],
      [{ headers: ['to', 'subject'] }, 'from-not-signed'],
      [{ extraTags: 'a=rsa-sha256' }, 'signature-syntax'],
      [{ extraTags: 'x=1000; t=2000' }, 'timestamps'],
      [{ extraTags: 'q=http/well-known' }, 'query-method'],
    ];
    for (const [options, reason] of cases) {
      const signed = await signMessage(plainMessage(), rsa, options);
      expect(await verify(signed, record), reason).toMatchObject({ result: 'permerror', reason });
    }
    const signed = text(await signMessage(plainMessage(), rsa));
    expect(await verify(bytesOf(signed.replace('v=1;', 'v=2;')), record)).toMatchObject({ reason: 'version' });
    expect(await verify(bytesOf(signed.replace('a=rsa-sha256', 'a=rsa-sha512')), record)).toMatchObject({ reason: 'algorithm-unknown' });
    expect(await verify(bytesOf(signed.replace(/\ts=sel;/, '')), record)).toMatchObject({ reason: 'missing-tag' });
    expect((await verify(bytesOf(signed.replace(/\ts=sel;/, '')), record)).explanation).toContain('s=');
  });

  it('x=: "was valid when it arrived" apart from "had expired before it arrived"', async () => {
    const t = Math.floor(new Date('2026-11-01T00:00:00Z').getTime() / 1000);
    const x = t + 7 * 86400;
    const signed = await signMessage(plainMessage(), rsa, { extraTags: `t=${t}; x=${x}` });
    const record = `p=${rsa.publicKey}`;
    const then = await verify(signed, record, { arrivedAt: new Date((t + 60) * 1000) });
    expect(then).toMatchObject({ result: 'pass', timing: 'expired-after-arrival' });
    expect(then.explanation).toContain('valid when it arrived');
    expect(await verify(signed, record, { arrivedAt: new Date((x + 60) * 1000) })).toMatchObject({
      result: 'permerror',
      reason: 'expired',
      timing: 'expired-before-arrival',
    });
    expect(await verify(signed, record)).toMatchObject({ result: 'permerror', timing: 'expired-arrival-unknown' });
  });

  it('several signatures are each reported on their own', async () => {
    const once = await signMessage(plainMessage(), rsa, { domain: 'example.com' });
    const twice = await signMessage(once, ed, { domain: 'esp.example.net', selector: 'esp', headers: ['from', 'subject', 'dkim-signature'] });
    const resolver = memoryResolver({ ...zone(`p=${rsa.publicKey}`), ...zone(`k=ed25519; p=${ed.publicKey}`, 'esp', 'esp.example.net') });
    const out = await verifyDkimBytes(twice, { resolver, now: NOW });
    expect(out.signatures.map((s) => [s.domain, s.result])).toEqual([
      ['esp.example.net', 'pass'],
      ['example.com', 'pass'],
    ]);
  });
});
