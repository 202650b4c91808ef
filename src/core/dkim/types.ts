import type { Evidence } from '../dns/evidence.js';

/** RFC 8601 §2.7.1's words for one DKIM signature. */
export type DkimResultWord = 'pass' | 'fail' | 'neutral' | 'policy' | 'permerror' | 'temperror' | 'none';

/** Why a signature got its word, for programs (DMARC, exporters); the sentence is in `explanation`. */
export type DkimReason =
  | 'signature-syntax'
  | 'signature-too-large'
  | 'missing-tag'
  | 'version'
  | 'algorithm-unknown'
  | 'rsa-sha1'
  | 'canonicalization-unknown'
  | 'query-method'
  | 'domain-invalid'
  | 'identity-outside-domain'
  | 'from-not-signed'
  | 'timestamps'
  | 'expired'
  | 'body-length-exceeds-body'
  | 'key-missing'
  | 'key-lookup-failed'
  | 'key-syntax'
  | 'key-revoked'
  | 'key-base64'
  | 'key-type-mismatch'
  | 'key-hash-not-allowed'
  | 'key-service'
  | 'key-strict-identity'
  | 'key-invalid'
  | 'key-too-small'
  | 'key-too-large'
  | 'body-hash-mismatch'
  | 'signature-mismatch'
  | 'body-unavailable';

export type Canonicalization = 'simple' | 'relaxed';

/** How the signature's t= and x= relate to the arrival and to now. */
export type DkimTiming = 'no-expiry' | 'valid' | 'expired-after-arrival' | 'expired-before-arrival' | 'expired-arrival-unknown' | 'signed-in-future';

export interface DkimKeyInfo {
  type: 'rsa' | 'ed25519';
  /** RSA modulus size, or 256 for Ed25519. */
  bits: number;
  /** How p= was encoded: SubjectPublicKeyInfo, bare PKCS#1 RSAPublicKey, or Ed25519's raw 32 bytes. */
  format: 'spki' | 'pkcs1' | 'raw';
  /** t=y: the domain is testing DKIM (RFC 6376 §3.6.1). */
  testing: boolean;
  /** t=s: i= must be exactly d=, no subdomain. */
  strict: boolean;
  /** The key record as published (TXT strings joined). */
  record: string;
}

/** What a DKIM-Signature field's tags say, as written: shown even when the signature is unusable. */
export interface SignatureTags {
  /** d=, s=, a=, c=, i= as written; null when absent. */
  domain: string | null;
  selector: string | null;
  algorithm: string | null;
  canonicalization: string | null;
  identity: string | null;
  /** h= names as listed, lower-cased, over-signed names included. */
  signedHeaders: string[];
  /** l=, null when the whole body is signed. */
  bodyLength: number | null;
  /** bh= as signed. */
  signedBodyHash: string | null;
}

/** One DKIM-Signature field, verified. */
export interface DkimSignatureVerdict extends SignatureTags {
  result: DkimResultWord;
  /** null for a pass with nothing to remark. */
  reason: DkimReason | null;
  /** Why the result is what it is, in plain words. */
  explanation: string;
  /** 0 for the topmost DKIM-Signature field. */
  signatureIndex: number;
  /** Position of the field in the header block, 0 being the topmost field. */
  fieldIndex: number;
  /** h= names that named no field of the message (over-signing: nothing may be added later). */
  absentHeaders: string[];
  /** Size of the canonical body Hoplens hashed, null when it had no body to hash. */
  canonicalBodySize: number | null;
  /** 'whole': every byte of the body is signed; 'partial': l= leaves some unsigned. */
  bodyCoverage: 'whole' | 'partial' | 'not-available' | null;
  bodyHash: 'match' | 'mismatch' | 'not-checked';
  /** bh= as Hoplens computed it, for the evidence beside the signed one. */
  computedBodyHash: string | null;
  /** t= and x= as ISO 8601, and what they mean for this message. */
  signedAt: string | null;
  expiresAt: string | null;
  timing: DkimTiming | null;
  /** `selector._domainkey.domain`, null when d= or s= is unusable. */
  keyName: string | null;
  key: DkimKeyInfo | null;
  evidence: Evidence[];
}

/** The whole message's DKIM outcome. */
export interface DkimVerification {
  /** One verdict per signature verified, topmost first. */
  signatures: DkimSignatureVerdict[];
  /** DKIM-Signature fields in the message, verified or not. */
  signaturesFound: number;
  /** Whether the bytes hashed are the message's as it arrived (false for pasted text). */
  exactBytes: boolean;
  /** Whether a body was there to hash. */
  bodyAvailable: boolean;
}
