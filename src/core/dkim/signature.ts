import { isAtOrUnder } from '../hostnames/canonical.js';
import { decodeBase64 } from './base64.js';
import { displayText } from '../message/binary-string.js';
import type { RawField } from './message-parts.js';
import { parseTagList, preview } from './tag-list.js';
import type { Canonicalization, DkimReason, SignatureTags } from './types.js';

export type SignatureAlgorithm = 'rsa-sha256' | 'ed25519-sha256' | 'rsa-sha1';

/** A DKIM-Signature field whose tags are all usable. */
export interface DkimSignature {
  algorithm: SignatureAlgorithm;
  keyType: 'rsa' | 'ed25519';
  hash: 'sha256' | 'sha1';
  signature: Uint8Array;
  bodyHash: Uint8Array;
  /** d= lower-cased, for the key name and for comparisons. */
  domain: string;
  selector: string;
  header: Canonicalization;
  body: Canonicalization;
  /** h= names, lower-cased, in order. */
  headers: string[];
  /** i=, "@" + d= when absent (§3.5). */
  identity: string;
  bodyLength: number | null;
  timestamp: number | null;
  expiry: number | null;
  /** The field exactly as it arrived with the value of b= removed (§3.7), for the header hash. */
  unsignedField: string;
}

/** What the tags say, for display, even when the signature is unusable; t= and x= as numbers. */
export interface SignatureFacts extends SignatureTags {
  timestamp: number | null;
  expiry: number | null;
}

export interface SignatureProblem {
  reason: DkimReason;
  text: string;
}

export interface ParsedSignature {
  facts: SignatureFacts;
  /** null when a tag problem leaves nothing to verify. */
  signature: DkimSignature | null;
  /** Why the signature cannot pass, even where it can still be checked (rsa-sha1). */
  problem: SignatureProblem | null;
}

/**
 * Real signatures are under 2 kB; a larger field is refused before its tags are read, so a
 * hostile one costs nothing beyond the header block's own limit.
 */
export const MAX_SIGNATURE_FIELD = 64 * 1024;

export const ALGORITHMS: Record<string, { keyType: 'rsa' | 'ed25519'; hash: 'sha256' | 'sha1' } | undefined> = {
  'rsa-sha256': { keyType: 'rsa', hash: 'sha256' },
  'ed25519-sha256': { keyType: 'ed25519', hash: 'sha256' },
  'rsa-sha1': { keyType: 'rsa', hash: 'sha1' },
};

/**
 * The kind of field a signature sits in. ARC-Message-Signature (RFC 8617 §4.1.2) is a
 * DKIM-Signature without v=, whose i= is the ARC instance rather than an identity, and which
 * RFC 8617 does not require to cover From.
 */
export interface SignatureProfile {
  fieldName: 'DKIM-Signature' | 'ARC-Message-Signature';
  required: readonly string[];
  /** i= is the signing identity (DKIM), not an instance number (ARC). */
  identityTag: boolean;
  fromRequired: boolean;
}

export const DKIM_SIGNATURE: SignatureProfile = {
  fieldName: 'DKIM-Signature',
  required: ['v', 'a', 'b', 'bh', 'd', 'h', 's'],
  identityTag: true,
  fromRequired: true,
};

export const ARC_MESSAGE_SIGNATURE: SignatureProfile = {
  fieldName: 'ARC-Message-Signature',
  required: ['i', 'a', 'b', 'bh', 'd', 'h', 's'],
  identityTag: false,
  fromRequired: false,
};

/** A DNS label as DKIM names use it (§3.5 d= and s=), U-labels allowed for EAI (RFC 8616). */
const LABEL = /^(?:[A-Za-z0-9_\u0080-\u00ff](?:[A-Za-z0-9_\u0080-\u00ff-]{0,61}[A-Za-z0-9_\u0080-\u00ff])?)$/;
const DIGITS = /^[0-9]{1,76}$/;
const FWS_ALL = /[ \t\r\n]+/g;
const NAME_LIST_SEPARATOR = /[ \t\r\n]*:[ \t\r\n]*/;

const problem = (facts: SignatureFacts, reason: DkimReason, text: string): ParsedSignature => ({ facts, signature: null, problem: { reason, text } });

/** RFC 6376 §3.5 and §6.1.1: the tags of one DKIM-Signature (or AMS) field, checked in the RFC's order. */
export function parseSignature(field: RawField, profile: SignatureProfile = DKIM_SIGNATURE): ParsedSignature {
  const empty: SignatureFacts = {
    domain: null,
    selector: null,
    algorithm: null,
    canonicalization: null,
    identity: null,
    signedHeaders: [],
    bodyLength: null,
    signedBodyHash: null,
    timestamp: null,
    expiry: null,
  };
  if (field.raw.length > MAX_SIGNATURE_FIELD) {
    return problem(
      empty,
      'signature-too-large',
      `The ${profile.fieldName} field is ${field.raw.length} bytes long, over the ${MAX_SIGNATURE_FIELD / 1024} kB Hoplens reads; real signatures are under 2 kB, so its tags were not read.`,
    );
  }
  // Without the field's final CRLF, so that removing b= (the last tag, often) keeps the CRLF.
  const value = field.raw.slice(field.valueStart, -2);
  const list = parseTagList(value);
  if (list.tags === null) return problem(empty, 'signature-syntax', `The ${profile.fieldName} field is not a valid tag list: ${list.error}.`);
  const tags = list.tags;
  const text = (name: string): string | null => {
    const tag = tags.get(name);
    return tag === undefined ? null : displayText(tag.value);
  };
  const number = (name: string): number | null => {
    const raw = tags.get(name)?.value;
    return raw !== undefined && DIGITS.test(raw) ? Number(raw) : null;
  };
  const headers = (tags.get('h')?.value ?? '')
    .split(NAME_LIST_SEPARATOR)
    .map((n) => n.toLowerCase())
    .filter((n) => n !== '');
  const facts: SignatureFacts = {
    domain: text('d'),
    selector: text('s'),
    algorithm: text('a'),
    canonicalization: text('c'),
    identity: profile.identityTag ? text('i') : null,
    signedHeaders: headers,
    bodyLength: number('l'),
    signedBodyHash: tags.get('bh')?.value.replace(FWS_ALL, '') ?? null,
    timestamp: number('t'),
    expiry: number('x'),
  };

  const version = profile.identityTag ? tags.get('v') : undefined;
  if (version !== undefined && version.value !== '1') {
    return problem(facts, 'version', `The signature says v=${preview(version.value)}; only v=1 exists (RFC 6376 §3.5), so it cannot be verified.`);
  }
  const missing = profile.required.filter((name) => !tags.has(name));
  if (missing.length > 0) {
    return problem(
      facts,
      'missing-tag',
      `The signature lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.map((n) => `${n}=`).join(', ')} (${profile.identityTag ? 'RFC 6376 §3.5' : 'RFC 8617 §4.1.2'}).`,
    );
  }
  const domain = tags.get('d')!.value.toLowerCase();
  const selector = tags.get('s')!.value.toLowerCase();
  if (!isDomain(domain)) return problem(facts, 'domain-invalid', `d=${preview(facts.domain ?? '')} is not a domain name.`);
  if (!isDomain(selector))
    return problem(facts, 'domain-invalid', `s=${preview(facts.selector ?? '')} is not a valid selector (RFC 6376 §3.1: labels of a domain name).`);
  if (`${selector}._domainkey.${domain}`.length > 253) {
    return problem(facts, 'domain-invalid', "The key's DNS name (selector._domainkey.domain) is longer than the 253 characters a DNS name can have.");
  }
  if (profile.fromRequired && !headers.includes('from')) {
    return problem(facts, 'from-not-signed', 'The signature does not cover the From field; RFC 6376 §6.1.1 requires it, so a verifier ignores this signature.');
  }
  const identity = (profile.identityTag ? tags.get('i')?.value : undefined) ?? `@${domain}`;
  const at = identity.lastIndexOf('@');
  if (at < 0 || !isAtOrUnder(identity.slice(at + 1), domain)) {
    return problem(facts, 'identity-outside-domain', `i=${preview(facts.identity ?? '')} is not in d=${domain} or one of its subdomains (RFC 6376 §6.1.1).`);
  }
  const canon = parseCanonicalization(tags.get('c')?.value ?? 'simple/simple');
  if (canon === null)
    return problem(
      facts,
      'canonicalization-unknown',
      `c=${preview(facts.canonicalization ?? '')} names no canonicalization RFC 6376 §3.4 defines (simple, relaxed).`,
    );
  const query = tags.get('q')?.value;
  if (query !== undefined && !query.split(NAME_LIST_SEPARATOR).some((q) => q.toLowerCase() === 'dns/txt')) {
    return problem(facts, 'query-method', `q=${preview(query)} offers no key retrieval method other than dns/txt knows (RFC 6376 §3.5).`);
  }
  for (const name of ['l', 't', 'x'] as const) {
    const tag = tags.get(name);
    if (tag !== undefined && !DIGITS.test(tag.value))
      return problem(facts, 'signature-syntax', `${name}=${preview(tag.value)} is not a number of up to 76 digits (RFC 6376 §3.5).`);
  }
  if (facts.timestamp !== null && facts.expiry !== null && facts.expiry < facts.timestamp) {
    return problem(facts, 'timestamps', `x= (expiry) is before t= (signing time); RFC 6376 §3.5 requires it to be later.`);
  }
  const algorithm = tags.get('a')!.value.toLowerCase();
  const kind = ALGORITHMS[algorithm];
  if (kind === undefined) {
    return problem(
      facts,
      'algorithm-unknown',
      `a=${preview(facts.algorithm ?? '')} is not a signing algorithm Hoplens knows (rsa-sha256 and ed25519-sha256 are the ones in use).`,
    );
  }
  const signature = decodeBase64(tags.get('b')!.value);
  const bodyHash = decodeBase64(tags.get('bh')!.value);
  if (signature === null || signature.length === 0) return problem(facts, 'signature-syntax', 'b= (the signature) is not valid base64.');
  if (bodyHash === null || bodyHash.length === 0) return problem(facts, 'signature-syntax', 'bh= (the body hash) is not valid base64.');

  const b = tags.get('b')!;
  const start = field.valueStart + b.start;
  const parsed: DkimSignature = {
    algorithm: algorithm as SignatureAlgorithm,
    ...kind,
    signature,
    bodyHash,
    domain,
    selector,
    header: canon.header,
    body: canon.body,
    headers,
    identity,
    bodyLength: facts.bodyLength,
    timestamp: facts.timestamp,
    expiry: facts.expiry,
    unsignedField: field.raw.slice(0, start) + field.raw.slice(field.valueStart + b.end),
  };
  // RFC 8301 §3.1: verifiers must not consider rsa-sha1 signatures valid. It is still checked,
  // so that the user learns whether re-signing with sha256 is all that is needed.
  const sha1 =
    algorithm === 'rsa-sha1'
      ? { reason: 'rsa-sha1' as const, text: 'The signature uses rsa-sha1, which RFC 8301 §3.1 forbids verifiers to accept since 2018: SHA-1 is broken.' }
      : null;
  return { facts, signature: parsed, problem: sha1 };
}

function parseCanonicalization(value: string): { header: Canonicalization; body: Canonicalization } | null {
  const [header, body = 'simple', ...rest] = value.toLowerCase().split('/');
  const known = (c: string | undefined): c is Canonicalization => c === 'simple' || c === 'relaxed';
  return rest.length === 0 && known(header) && known(body) ? { header, body } : null;
}

export function isDomain(name: string): boolean {
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}
