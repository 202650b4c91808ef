import { decodeBase64 } from './base64.js';
import { parseTagList, preview } from './tag-list.js';
import type { DkimReason } from './types.js';

export interface KeyRecord {
  /** k=, "rsa" when absent (§3.6.1). */
  keyType: string;
  /** h=, null when absent: every hash allowed. */
  hashes: string[] | null;
  /** s= allows e-mail. */
  email: boolean;
  testing: boolean;
  strict: boolean;
  /** p= decoded. */
  key: Uint8Array;
  record: string;
}

export type ParsedKeyRecord = { key: KeyRecord; problem: null } | { key: null; problem: { reason: DkimReason; text: string } };

/** Larger than any real key record (a 4096-bit RSA key is 736 characters); longer ones are not parsed. */
export const MAX_KEY_RECORD = 16 * 1024;

const LIST_SEPARATOR = /[ \t\r\n]*:[ \t\r\n]*/;

const fail = (reason: DkimReason, text: string): ParsedKeyRecord => ({ key: null, problem: { reason, text } });

/** RFC 6376 §3.6.1: a key record's tags. An empty p= is a revoked key (§6.1.2). */
export function parseKeyRecord(record: string): ParsedKeyRecord {
  if (record.length > MAX_KEY_RECORD) {
    return fail(
      'key-syntax',
      `The key record is ${record.length} characters long, over the ${MAX_KEY_RECORD / 1024} kB Hoplens reads; a 4096-bit RSA key needs under 1 kB.`,
    );
  }
  const list = parseTagList(record);
  if (list.tags === null) return fail('key-syntax', `The key record is not a valid tag list: ${list.error}.`);
  const tags = list.tags;
  const version = tags.get('v');
  // §3.6.1: v= is optional, but when present it is "DKIM1" and the first tag.
  if (version !== undefined && (version.value !== 'DKIM1' || tags.keys().next().value !== 'v')) {
    return fail(
      'key-syntax',
      version.value !== 'DKIM1'
        ? `The key record says v=${preview(version.value)}; only v=DKIM1 exists.`
        : 'v=DKIM1 must be the first tag of the key record (RFC 6376 §3.6.1).',
    );
  }
  const p = tags.get('p');
  if (p === undefined) return fail('key-syntax', 'The key record has no p= tag (the public key), which RFC 6376 §3.6.1 requires.');
  if (p.value === '')
    return fail('key-revoked', 'The key record has an empty p=: the domain has revoked this key (RFC 6376 §3.6.1), so no signature made with it is valid.');
  const key = decodeBase64(p.value);
  if (key === null) return fail('key-base64', "The key record's p= is not valid base64, so there is no key to verify with.");
  const list2 = (name: string): string[] | null => {
    const tag = tags.get(name);
    return tag === undefined
      ? null
      : tag.value
          .split(LIST_SEPARATOR)
          .map((v) => v.toLowerCase())
          .filter((v) => v !== '');
  };
  const services = list2('s');
  const flags = list2('t') ?? [];
  return {
    key: {
      keyType: (tags.get('k')?.value ?? 'rsa').toLowerCase(),
      hashes: list2('h'),
      email: services === null || services.includes('*') || services.includes('email'),
      testing: flags.includes('y'),
      strict: flags.includes('s'),
      key,
      record,
    },
    problem: null,
  };
}
