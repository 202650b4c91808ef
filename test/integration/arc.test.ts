import { describe, expect, inject, it } from 'vitest';
import { verifyArc } from '../../src/core/arc/index.js';
import { dohResolver } from '../../src/core/dns/doh.js';
import { arcsign } from '../support/arcsign.js';

/**
 * ARC against an independent implementation: chains sealed by python3-dkim's `arcsign` (which
 * needs python3-authres), keys served by BIND through dnsdist (test/support/test-zones.ts).
 */
const resolver = dohResolver(inject('dohUrl'));

/** 8-bit header bytes and trailing whitespace: what relaxed canonicalisation must get right. */
const MESSAGE = Buffer.concat([
  Buffer.from('Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com\r\n'),
  Buffer.from('Received: from mail.example.com (mail.example.com [203.0.113.25]) by mx.example.org with ESMTPS; Tue, 1 Dec 2026 10:00:05 +0000\r\n'),
  Buffer.from('From: Alice <alice@example.com>\r\nTo: list@example.org\r\n'),
  Buffer.from('Subject: Gr\xc3\xbc\xc3\x9fe  and  caf\xe9 \r\n', 'latin1'),
  Buffer.from('Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <arcsign-1@example.com>\r\n\r\n'),
  Buffer.from('Hello,  \r\n\r\nthe figures are attached.\t\r\n\r\n'),
]);

/** A second hop: the list's own Authentication-Results on top, then its seal. */
const forward = (sealed: Buffer) =>
  arcsign(
    Buffer.concat([Buffer.from('Authentication-Results: mx.example.net; arc=pass; dkim=pass header.d=example.com\r\n'), sealed]),
    'example.net',
    'mx.example.net',
  );

describe('ARC chains sealed by python3-dkim, keys from BIND', () => {
  it('one set and two sets pass; each set names its sealer and what it recorded', async () => {
    const one = await arcsign(MESSAGE, 'example.org', 'mx.example.org');
    const first = await verifyArc(new Uint8Array(one), { resolver });
    expect(first).toMatchObject({ result: 'pass', sets: [{ instance: 1, cv: 'none', seal: { result: 'pass', domain: 'example.org', key: { bits: 2048 } } }] });
    expect(first.sets[0]!.authResults?.authservId).toBe('mx.example.org');

    const two = await forward(one);
    const second = await verifyArc(new Uint8Array(two), { resolver });
    expect(second.result).toBe('pass');
    expect(second.sets.map((s) => [s.instance, s.cv, s.seal?.domain, s.seal?.result, s.messageSignature?.result])).toEqual([
      [1, 'none', 'example.org', 'pass', 'pass'],
      [2, 'pass', 'example.net', 'pass', 'pass'],
    ]);
    expect(second.sets[1]!.authResults?.results.map((r) => r.method)).toEqual(['arc', 'dkim']);
  });

  it('a body changed after sealing fails the newest message signature; a changed set fails its seal', async () => {
    const two = await forward(await arcsign(MESSAGE, 'example.org', 'mx.example.org'));
    const body = Buffer.from(two.toString('latin1').replace('the figures', 'the numbers'), 'latin1');
    expect(await verifyArc(new Uint8Array(body), { resolver })).toMatchObject({ result: 'fail', reason: 'message-signature', failedInstance: 2 });
    const set = Buffer.from(two.toString('latin1').replace('i=1; mx.example.org; spf=pass', 'i=1; mx.example.org; spf=fail'), 'latin1');
    expect(await verifyArc(new Uint8Array(set), { resolver })).toMatchObject({ result: 'fail', reason: 'seal', failedInstance: 2 });
  });
});
