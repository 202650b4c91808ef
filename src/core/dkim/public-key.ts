import type { KeyRecord } from './key-record.js';
import type { DkimKeyInfo, DkimReason } from './types.js';
import { subtle, type PublicKeyHandle } from './webcrypto.js';

export interface ImportedKey {
  handle: PublicKeyHandle;
  info: DkimKeyInfo;
}

export type KeyImport = { key: ImportedKey; problem: null } | { key: null; problem: { reason: DkimReason; text: string } };

/** RFC 8301 §3.2: verifiers must not accept RSA keys under 1024 bits. */
export const MIN_RSA_BITS = 1024;
/** The largest RSA key WebCrypto implementations verify with (Chromium and OpenSSL stop here). */
export const MAX_RSA_BITS = 16384;
/** DER of a 16384-bit key is about 2.1 kB; anything far larger is not imported at all. */
const MAX_RSA_DER = 4096;
const ED25519_KEY_SIZE = 32;

/** The DER of rsaEncryption's AlgorithmIdentifier (RFC 8017 A.1), with its NULL parameters. */
const RSA_ALGORITHM_ID = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

const fail = (reason: DkimReason, text: string): KeyImport => ({ key: null, problem: { reason, text } });

/**
 * The key of a record, imported for `hash`. RSA keys are SubjectPublicKeyInfo as RFC 6376
 * §3.6.1 says, or a bare PKCS#1 RSAPublicKey as some signers publish them, wrapped here into
 * SubjectPublicKeyInfo; Ed25519 keys are the raw 32 bytes (RFC 8463 §4).
 */
export async function importKey(record: KeyRecord, keyType: 'rsa' | 'ed25519', hash: 'sha256' | 'sha1'): Promise<KeyImport> {
  const base = { testing: record.testing, strict: record.strict, record: record.record };
  if (keyType === 'ed25519') {
    if (record.key.length !== ED25519_KEY_SIZE) {
      return fail('key-invalid', `The key record's p= holds ${record.key.length} bytes; an Ed25519 key is exactly ${ED25519_KEY_SIZE} (RFC 8463 §4).`);
    }
    try {
      const handle = await subtle().importKey('raw', record.key, { name: 'Ed25519' }, false, ['verify']);
      return { key: { handle, info: { type: 'ed25519', bits: 256, format: 'raw', ...base } }, problem: null };
    } catch (error) {
      return fail('key-invalid', `The Ed25519 key could not be read: ${messageOf(error)}.`);
    }
  }
  if (record.key.length > MAX_RSA_DER) {
    return fail('key-too-large', `The key is ${record.key.length} bytes long, more than an RSA key of ${MAX_RSA_BITS} bits, the largest verifiers accept.`);
  }
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: hash === 'sha256' ? 'SHA-256' : 'SHA-1' };
  let handle: PublicKeyHandle;
  let format: 'spki' | 'pkcs1' = 'spki';
  try {
    handle = await subtle().importKey('spki', record.key, algorithm, false, ['verify']);
  } catch {
    try {
      handle = await subtle().importKey('spki', spkiOfPkcs1(record.key), algorithm, false, ['verify']);
      format = 'pkcs1';
    } catch (error) {
      return fail('key-invalid', `The key record's p= is not an RSA public key (neither SubjectPublicKeyInfo nor PKCS#1): ${messageOf(error)}.`);
    }
  }
  const bits = handle.algorithm.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    return fail(
      'key-too-small',
      `The RSA key has ${bits} bits; RFC 8301 §3.2 forbids verifiers to accept signatures from keys under ${MIN_RSA_BITS} bits (2048 is the size to publish).`,
    );
  }
  if (bits > MAX_RSA_BITS) return fail('key-too-large', `The RSA key has ${bits} bits, more than the ${MAX_RSA_BITS} that verifiers accept.`);
  return { key: { handle, info: { type: 'rsa', bits, format, ...base } }, problem: null };
}

/** SubjectPublicKeyInfo around a PKCS#1 RSAPublicKey: SEQUENCE { algorithm, BIT STRING { key } }. */
function spkiOfPkcs1(pkcs1: Uint8Array): Uint8Array {
  const bitString = der(0x03, [0x00, ...pkcs1]);
  return new Uint8Array(der(0x30, [...RSA_ALGORITHM_ID, ...bitString]));
}

function der(tag: number, content: number[]): number[] {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...length, ...content];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
