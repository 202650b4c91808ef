import type { Resolver } from '../dns/types.js';
import { encodeBase64 } from './base64.js';
import { canonicalBody } from './canonicalize-body.js';
import { headerHashInput } from './canonicalize-header.js';
import { lookupKey, type KeyLookup } from './lookup-key.js';
import { splitMessage, type MessageParts, type RawField } from './message-parts.js';
import { selectHeaders } from './select-headers.js';
import { parseSignature, type DkimSignature, type ParsedSignature } from './signature.js';
import { isoOf, timingOf } from './timing.js';
import type { Canonicalization, DkimReason, DkimResultWord, DkimSignatureVerdict, DkimVerification } from './types.js';
import { keyNameOf, usableKey } from './usable-key.js';
import { verifySignature } from './verify-signature.js';
import { sha } from './webcrypto.js';

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
  const signatureFields = parts.fields.filter((f) => f.name.toLowerCase() === 'dkim-signature');
  const context = verifyContext(parts, options);
  // Every key lookup goes out before any hashing, and before the first await lets the other
  // checks send theirs: the hashes are computed while the answers travel.
  const started = signatureFields.slice(0, MAX_SIGNATURES).map((field) => startSignature(field, parseSignature(field), options));
  await null;
  const signatures = await Promise.all(started.map((s, signatureIndex) => verifyStarted(context, s, signatureIndex)));
  return { signatures, signaturesFound: signatureFields.length, exactBytes, bodyAvailable: context.body !== null };
}

/** What verifying signatures of one message shares: its fields, its body, its canonical bodies. */
export interface VerifyContext {
  fields: RawField[];
  body: Uint8Array | null;
  /** Canonical bodies, computed once per method and shared by the signatures using it. */
  bodies: Map<Canonicalization, Uint8Array>;
  options: DkimOptions;
  now: Date;
  exactBytes: boolean;
}

/** The context for verifying signatures over `parts` (DKIM's, and ARC's message signatures). */
export function verifyContext(parts: MessageParts, options: DkimOptions): VerifyContext {
  return {
    fields: parts.fields,
    body: options.bodyAvailable === false ? null : parts.body,
    bodies: new Map(),
    options,
    now: options.now ?? new Date(),
    exactBytes: options.exactBytes ?? true,
  };
}

/** A parsed signature with its key lookup sent (synchronously, so callers send all before awaiting). */
export function startSignature(field: RawField, parsed: ParsedSignature, options: Pick<DkimOptions, 'resolver' | 'signal'>): StartedSignature {
  const sig = parsed.signature;
  const keyName = sig ? keyNameOf(sig) : null;
  return { field, parsed, keyName, lookup: keyName ? lookupKey(keyName, options.resolver, options.signal) : null };
}

export interface StartedSignature {
  field: RawField;
  parsed: ParsedSignature;
  keyName: string | null;
  lookup: Promise<KeyLookup> | null;
}

/** One signature's verdict, once its key has arrived. */
export async function verifyStarted(ctx: VerifyContext, started: StartedSignature, signatureIndex: number): Promise<DkimSignatureVerdict> {
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

async function checkBody(ctx: VerifyContext, sig: DkimSignature, verdict: DkimSignatureVerdict): Promise<BodyCheck> {
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
