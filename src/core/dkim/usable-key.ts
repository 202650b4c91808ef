import { parseKeyRecord, type KeyRecord } from './key-record.js';
import { importKey, type ImportedKey } from './public-key.js';
import type { DkimSignature } from './signature.js';
import type { DkimReason } from './types.js';

/** What choosing a key needs of a signature; an ARC-Seal has these too (its identity is @d=). */
export type KeyNeeds = Pick<DkimSignature, 'keyType' | 'hash' | 'domain' | 'identity'> & { algorithm: string };

export type UsableKey = { key: ImportedKey; problem: null } | { key: null; problem: { reason: DkimReason; text: string } };

/** RFC 6376 §3.6.2.1: where a signature's key is published. */
export function keyNameOf(sig: Pick<DkimSignature, 'selector' | 'domain'>): string {
  return `${sig.selector}._domainkey.${sig.domain}`;
}

/** The first record at the key's name that suits this signature (RFC 6376 §6.1.2 steps 4–10). */
export async function usableKey(records: readonly string[], sig: KeyNeeds): Promise<UsableKey> {
  let first: UsableKey | null = null;
  for (const text of records) {
    const candidate = await keyFor(text, sig);
    if (candidate.key) return candidate;
    first ??= candidate;
  }
  return first ?? { key: null, problem: { reason: 'key-syntax', text: 'The key record is empty.' } };
}

async function keyFor(text: string, sig: KeyNeeds): Promise<UsableKey> {
  const parsed = parseKeyRecord(text);
  if (parsed.problem) return parsed;
  const record: KeyRecord = parsed.key;
  if (record.keyType !== sig.keyType) {
    return { key: null, problem: { reason: 'key-type-mismatch', text: `The key record says k=${record.keyType}, but the signature is ${sig.algorithm}.` } };
  }
  if (record.hashes !== null && !record.hashes.includes(sig.hash)) {
    return {
      key: null,
      problem: { reason: 'key-hash-not-allowed', text: `The key record allows only h=${record.hashes.join(':')}, not the signature's ${sig.hash}.` },
    };
  }
  if (!record.email) {
    return {
      key: null,
      problem: { reason: 'key-service', text: "The key record's s= does not list e-mail (or *), so the key is not for mail (RFC 6376 §3.6.1)." },
    };
  }
  const identityDomain = sig.identity.slice(sig.identity.lastIndexOf('@') + 1).toLowerCase();
  if (record.strict && identityDomain !== sig.domain) {
    return {
      key: null,
      problem: {
        reason: 'key-strict-identity',
        text: `The key is marked t=s, so i= must be in ${sig.domain} itself, not the subdomain ${identityDomain} (RFC 6376 §3.6.1).`,
      },
    };
  }
  return importKey(record, sig.keyType, sig.hash);
}
