import type { Resolver } from '../dns/types.js';
import { encodeBase64 } from './base64.js';
import { canonicalBody } from './canonicalize-body.js';
import { headerHashInput } from './canonicalize-header.js';
import { parseKeyRecord, type KeyRecord } from './key-record.js';
import { lookupKey, type KeyLookup } from './lookup-key.js';
import { splitMessage, type RawField } from './message-parts.js';
import { importKey, type ImportedKey } from './public-key.js';
import { selectHeaders } from './select-headers.js';
import { parseSignature, type DkimSignature, type ParsedSignature } from './signature.js';
import { isoOf, timingOf } from './timing.js';
import type { Canonicalization, DkimReason, DkimResultWord, DkimSignatureVerdict, DkimVerification } from './types.js';
import { sha, subtle } from './webcrypto.js';

export interface DkimOptions {
  resolver: Resolver;
  signal?: AbortSignal;
  now?: Date;
  /** When the message reached the receiving side (its hop's Received date), if known. */
  arrivedAt?: Date | null;
  /** False when the bytes are pasted text rather than the message as it arrived. */
  exactBytes?: boolean;
  /** False when only the header block was given. */
  bodyAvailable?: boolean;
}

/**
 * Signatures verified per message (RFC 6376 §6.1 lets verifiers limit them). Real mail carries
 * one to three; the rest of a hostile ten thousand are counted, not looked up.
 */
export const MAX_SIGNATURES = 20;

const HEADERS_ONLY = 'headers signed correctly; the body was not available, so the body hash was not checked';

/** Verifies every DKIM-Signature of a message (up to MAX_SIGNATURES), each on its own. */
export async function verifyDkimBytes(bytes: Uint8Array, options: DkimOptions): Promise<DkimVerification> {
  const parts = splitMessage(bytes);
  const exactBytes = options.exactBytes ?? true;
  const body = options.bodyAvailable === false ? null : parts.body;
  const signatureFields = parts.fields.filter((f) => f.name.toLowerCase() === 'dkim-signature');
  const context: Context = {
    fields: parts.fields,
    body,
    bodies: new Map(),
    options,
    now: options.now ?? new Date(),
    exactBytes,
  };
  // Every key lookup goes out before any hashing, and before the first await lets the other
  // checks send theirs: the hashes are computed while the answers travel.
  const started = signatureFields.slice(0, MAX_SIGNATURES).map((field) => {
    const parsed = parseSignature(field);
    const sig = parsed.signature;
    const keyName = sig ? `${sig.selector}._domainkey.${sig.domain}` : null;
    return { field, parsed, keyName, lookup: keyName ? lookupKey(keyName, options.resolver, options.signal) : null };
  });
  await null;
  const signatures = await Promise.all(started.map((s, signatureIndex) => verifyOne(context, s, signatureIndex)));
  return { signatures, signaturesFound: signatureFields.length, exactBytes, bodyAvailable: body !== null };
}

interface Context {
  fields: RawField[];
  body: Uint8Array | null;
  /** Canonical bodies, computed once per method and shared by the signatures using it. */
  bodies: Map<Canonicalization, Uint8Array>;
  options: DkimOptions;
  now: Date;
  exactBytes: boolean;
}

interface Started {
  field: RawField;
  parsed: ParsedSignature;
  keyName: string | null;
  lookup: Promise<KeyLookup> | null;
}

async function verifyOne(ctx: Context, started: Started, signatureIndex: number): Promise<DkimSignatureVerdict> {
  const { field, parsed, keyName } = started;
  const { facts } = parsed;
  const sig = parsed.signature;
  const verdict: DkimSignatureVerdict = {
    result: 'permerror',
    reason: null,
    explanation: '',
    signatureIndex,
    fieldIndex: ctx.fields.indexOf(field),
    domain: facts.domain,
    selector: facts.selector,
    algorithm: facts.algorithm,
    canonicalization: facts.canonicalization,
    identity: facts.identity,
    signedHeaders: facts.signedHeaders,
    absentHeaders: [],
    bodyLength: facts.bodyLength,
    canonicalBodySize: null,
    bodyCoverage: null,
    bodyHash: 'not-checked',
    signedBodyHash: facts.signedBodyHash,
    computedBodyHash: null,
    signedAt: isoOf(facts.timestamp),
    expiresAt: isoOf(facts.expiry),
    timing: null,
    keyName,
    key: null,
    evidence: [],
  };
  const finish = (result: DkimResultWord, reason: DkimReason | null, explanation: string): DkimSignatureVerdict =>
    Object.assign(verdict, { result, reason, explanation });
  if (sig === null || started.lookup === null) return finish('permerror', parsed.problem!.reason, parsed.problem!.text);
  verdict.timing = timingOf(sig.timestamp, sig.expiry, ctx.now, ctx.options.arrivedAt ?? null);
  const selected = selectHeaders(ctx.fields, sig.headers, field);
  verdict.absentHeaders = selected.absent;
  const bodyCheck = await checkBody(ctx, sig, verdict);
  const headerData = signedHeaderData(selected.fields, sig);

  const found = await started.lookup;
  verdict.evidence = found.evidence;
  // rsa-sha1 is never valid (RFC 8301), whatever else is wrong: that reason leads.
  const sha1 = parsed.problem;
  if (found.problem) {
    return sha1
      ? finish('permerror', sha1.reason, `${sha1.text} Besides: ${found.problem.text}`)
      : finish(found.problem.result, found.problem.reason, found.problem.text);
  }
  const key = await usableKey(found.records, sig);
  if (key.problem)
    return sha1 ? finish('permerror', sha1.reason, `${sha1.text} Besides: ${key.problem.text}`) : finish('permerror', key.problem.reason, key.problem.text);
  verdict.key = key.key.info;

  const signatureOk = await verifySignature(sig, key.key, headerData);
  const testing = key.key.info.testing
    ? ' The key is marked t=y: the domain is testing DKIM, and receivers treat its mail like unsigned mail (RFC 6376 §3.6.1).'
    : '';
  const pasted = ctx.exactBytes
    ? ''
    : ' The message was pasted as text, not read as the bytes that arrived, and copying can change spaces, line breaks and 8-bit characters: verify the original file (.eml) to be sure.';

  if (sha1) {
    const arithmetic =
      signatureOk && bodyCheck !== 'mismatch'
        ? ' The signature itself is correct: re-signing with rsa-sha256 is all that is needed.'
        : ' The signature does not verify either.';
    return finish('permerror', sha1.reason, `${sha1.text}${arithmetic}`);
  }
  if (!signatureOk) {
    return finish(
      'fail',
      'signature-mismatch',
      `The signature does not match the signed header fields (${sig.headers.join(', ')}) with the published key: a signed field was changed after signing, or the key in DNS is not the one that signed.${pasted}`,
    );
  }
  if (bodyCheck === 'too-short') {
    return finish(
      'permerror',
      'body-length-exceeds-body',
      `l=${sig.bodyLength} signs more body than the message has (${verdict.canonicalBodySize} bytes once canonicalised): the body was cut after signing.`,
    );
  }
  if (bodyCheck === 'mismatch') {
    return finish(
      'fail',
      'body-hash-mismatch',
      `The header signature is correct, but the body hash does not match: the body was changed after signing (a footer or disclaimer added on the way, a re-encoding), or ${sig.body} canonicalisation did not absorb a whitespace change.${pasted}`,
    );
  }
  if (bodyCheck === 'unavailable') {
    return finish('neutral', 'body-unavailable', `The ${HEADERS_ONLY}.${testing}`);
  }
  const timing = verdict.timing;
  if (timing === 'expired-before-arrival' || timing === 'expired-arrival-unknown') {
    const when =
      timing === 'expired-before-arrival' ? 'it had expired before the message arrived' : "it has expired, and the message's arrival time is unknown";
    return finish('permerror', 'expired', `The signature is cryptographically correct, but its x= expiry is ${verdict.expiresAt}: ${when} (RFC 6376 §3.5).`);
  }
  const expiredSince =
    timing === 'expired-after-arrival'
      ? ` It expired on ${verdict.expiresAt}, after the message arrived: it was valid when it arrived and has expired now.`
      : '';
  const partial =
    verdict.bodyCoverage === 'partial'
      ? ` Only the first ${sig.bodyLength} bytes of the body are signed (l=): anything after them could have been added by anyone.`
      : '';
  return finish(
    'pass',
    null,
    `The signature verifies with the key at ${keyName}: the signed header fields and the body are as ${sig.domain} signed them.${partial}${expiredSince}${testing}`,
  );
}

type BodyCheck = 'match' | 'mismatch' | 'too-short' | 'unavailable';

async function checkBody(ctx: Context, sig: DkimSignature, verdict: DkimSignatureVerdict): Promise<BodyCheck> {
  if (ctx.body === null) {
    verdict.bodyCoverage = 'not-available';
    return 'unavailable';
  }
  let canonical = ctx.bodies.get(sig.body);
  if (canonical === undefined) {
    canonical = canonicalBody(ctx.body, sig.body);
    ctx.bodies.set(sig.body, canonical);
  }
  verdict.canonicalBodySize = canonical.length;
  if (sig.bodyLength !== null && sig.bodyLength > canonical.length) return 'too-short';
  const signed = sig.bodyLength === null ? canonical : canonical.subarray(0, sig.bodyLength);
  verdict.bodyCoverage = signed.length === canonical.length ? 'whole' : 'partial';
  const digest = await sha(sig.hash, signed);
  verdict.computedBodyHash = encodeBase64(digest);
  const match = digest.length === sig.bodyHash.length && digest.every((b, i) => b === sig.bodyHash[i]);
  verdict.bodyHash = match ? 'match' : 'mismatch';
  return match ? 'match' : 'mismatch';
}

/** RFC 6376 §3.7: the selected fields, then the signature's own field with b= empty and no CRLF. */
function signedHeaderData(fields: readonly RawField[], sig: DkimSignature): Uint8Array {
  return headerHashInput(fields, sig.unsignedField, sig.header);
}

async function verifySignature(sig: DkimSignature, key: ImportedKey, data: Uint8Array): Promise<boolean> {
  try {
    if (sig.keyType === 'ed25519') {
      // RFC 8463 §3: Ed25519 signs the SHA-256 digest of the header data, not the data itself.
      return await subtle().verify({ name: 'Ed25519' }, key.handle, sig.signature, await sha('sha256', data));
    }
    return await subtle().verify({ name: 'RSASSA-PKCS1-v1_5' }, key.handle, sig.signature, data);
  } catch {
    // A signature of the wrong length for the key, for example: it does not verify.
    return false;
  }
}

type UsableKey = { key: ImportedKey; problem: null } | { key: null; problem: { reason: DkimReason; text: string } };

/** The first record at the key's name that suits this signature (RFC 6376 §6.1.2 steps 4–10). */
async function usableKey(records: readonly string[], sig: DkimSignature): Promise<UsableKey> {
  let first: UsableKey | null = null;
  for (const text of records) {
    const candidate = await keyFor(text, sig);
    if (candidate.key) return candidate;
    first ??= candidate;
  }
  return first ?? { key: null, problem: { reason: 'key-syntax', text: 'The key record is empty.' } };
}

async function keyFor(text: string, sig: DkimSignature): Promise<UsableKey> {
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
