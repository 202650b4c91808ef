import { readFileSync } from 'node:fs';
import { encodeBase64 } from '../../src/core/dkim/base64.js';
import { binaryBytes, binaryString } from '../../src/core/message/binary-string.js';
import { canonicalBody } from '../../src/core/dkim/canonicalize-body.js';
import { headerHashInput } from '../../src/core/dkim/canonicalize-header.js';
import { splitMessage } from '../../src/core/dkim/message-parts.js';
import { selectHeaders } from '../../src/core/dkim/select-headers.js';
import type { Canonicalization } from '../../src/core/dkim/types.js';

/**
 * A DKIM signer for the tests, on WebCrypto: it makes messages for every tag case. It shares the
 * verifier's canonicalisation, so canonicalisation itself is proven by the RFC 8463 example and
 * by messages that python3-dkim signed (test/integration/dkim.test.ts), not by this signer.
 */
export interface TestKey {
  algorithm: 'rsa-sha256' | 'rsa-sha1' | 'ed25519-sha256';
  privateKey: CryptoKey;
  /** p= for the key record: SubjectPublicKeyInfo (RSA) or raw 32 bytes (Ed25519), base64. */
  publicKey: string;
  /** The RSA key as bare PKCS#1 RSAPublicKey, base64. */
  pkcs1?: string;
}

export async function rsaKey(bits = 2048, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash }, true, [
    'sign',
    'verify',
  ]);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    algorithm: hash === 'SHA-256' ? 'rsa-sha256' : 'rsa-sha1',
    privateKey: pair.privateKey,
    publicKey: encodeBase64(spki),
    pkcs1: encodeBase64(pkcs1Of(spki)),
  };
}

export async function ed25519Key(): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { algorithm: 'ed25519-sha256', privateKey: pair.privateKey, publicKey: encodeBase64(raw) };
}

/** The PKCS#8 header of an Ed25519 private key (RFC 8410), before its 32-byte seed. */
const ED25519_PKCS8 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/**
 * A key of test/fixtures/dkim/keys/ (made by python3-dkim's dknewkey, public halves served by
 * the BIND test zone at dkimpy-rsa / dkimpy-ed._domainkey.example.com), for WebCrypto signing.
 */
export async function fixtureKey(type: 'rsa' | 'ed25519', dir = new URL('../fixtures/dkim/keys/', import.meta.url)): Promise<TestKey> {
  const privateText = readFileSync(new URL(`${type}.key`, dir), 'utf8');
  const publicKey = /p=([A-Za-z0-9+/=]+)/.exec(readFileSync(new URL(`${type}.dns`, dir), 'utf8'))![1]!;
  const base64 = privateText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = new Uint8Array(Buffer.from(base64, 'base64'));
  if (type === 'rsa') {
    const privateKey = await crypto.subtle.importKey('pkcs8', buffer(der), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    return { algorithm: 'rsa-sha256', privateKey, publicKey };
  }
  const pkcs8 = new Uint8Array([...ED25519_PKCS8, ...der]);
  const privateKey = await crypto.subtle.importKey('pkcs8', buffer(pkcs8), { name: 'Ed25519' }, false, ['sign']);
  return { algorithm: 'ed25519-sha256', privateKey, publicKey };
}

export interface SignOptions {
  domain?: string;
  selector?: string;
  /** h= names, in order. */
  headers?: string[];
  canonicalization?: `${Canonicalization}/${Canonicalization}`;
  /** Sign only this many bytes of the canonical body (l=). */
  bodyLength?: number;
  /** Tags added as written ("i=@sub.example.com; x=123"). */
  extraTags?: string;
  /** An ARC-Message-Signature of this instance (RFC 8617 §4.1.2: i= first, no v=) instead of a DKIM-Signature. */
  arcInstance?: number;
}

/** The message with a DKIM-Signature field on top, as a signing MTA adds it. */
export async function signMessage(message: string | Uint8Array, key: TestKey, options: SignOptions = {}): Promise<Uint8Array> {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const canon = options.canonicalization ?? 'relaxed/relaxed';
  const [header, body] = canon.split('/') as [Canonicalization, Canonicalization];
  const parts = splitMessage(bytes);
  const hash = key.algorithm === 'rsa-sha1' ? 'SHA-1' : 'SHA-256';
  let canonical = canonicalBody(parts.body ?? new Uint8Array(), body);
  if (options.bodyLength !== undefined) canonical = canonical.subarray(0, options.bodyLength);
  const bh = encodeBase64(new Uint8Array(await crypto.subtle.digest(hash, buffer(canonical))));
  const names = options.headers ?? ['from', 'to', 'subject', 'date', 'message-id'];
  const name = options.arcInstance === undefined ? 'DKIM-Signature' : 'ARC-Message-Signature';
  const tags = [
    options.arcInstance === undefined ? 'v=1' : `i=${options.arcInstance}`,
    `a=${key.algorithm}`,
    `c=${canon}`,
    `d=${options.domain ?? 'example.com'}`,
    `s=${options.selector ?? 'sel'}`,
    ...(options.bodyLength === undefined ? [] : [`l=${options.bodyLength}`]),
    ...(options.extraTags ? [options.extraTags] : []),
    `h=${names.join(':')}`,
    `bh=${bh}`,
  ];
  const unsigned = `${name}: ${tags.join(';\r\n\t')};\r\n\tb=`;
  const fake = { name, raw: `${unsigned}\r\n`, valueStart: name.length + 1 };
  const selected = selectHeaders(parts.fields, names, fake);
  const data = headerHashInput(selected.fields, `${unsigned}\r\n`, header);
  const field = `${unsigned}${await signatureOver(data, key)}\r\n`;
  return binaryBytes(field + binaryString(bytes));
}

/** b= of `data` under `key`, folded as signers fold it. */
export async function signatureOver(data: Uint8Array, key: TestKey): Promise<string> {
  const signed =
    key.algorithm === 'ed25519-sha256'
      ? await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, await crypto.subtle.digest('SHA-256', buffer(data)))
      : await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, key.privateKey, buffer(data));
  return encodeBase64(new Uint8Array(signed))
    .replace(/(.{64})/g, '$1\r\n\t')
    .replace(/\r\n\t$/, '');
}

/** Node's types want an ArrayBuffer-backed view; these always are. */
const buffer = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/** The RSAPublicKey inside a SubjectPublicKeyInfo: the BIT STRING's content after its unused-bits byte. */
function pkcs1Of(spki: Uint8Array): Uint8Array {
  const bitString = spki.lastIndexOf(0x03, 30);
  let at = bitString + 1;
  const first = spki[at]!;
  at += first < 0x80 ? 1 : 1 + (first & 0x7f);
  return spki.subarray(at + 1);
}

/** A plain test message: CRLF line ends, the documentation domains. */
export function plainMessage(extraHeaders = '', body = 'Hello,\r\n\r\nthis is a test.\r\n'): string {
  return [
    'Received: from mail.example.com (mail.example.com [192.0.2.10]) by mx.example.net with ESMTPS; Tue, 1 Dec 2026 10:00:05 +0000',
    'From: Alice <alice@example.com>',
    'To: Bob <bob@example.net>',
    'Subject: Quarterly figures',
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    'Message-ID: <test-1@example.com>',
    ...(extraHeaders ? [extraHeaders] : []),
    '',
    body,
  ].join('\r\n');
}
