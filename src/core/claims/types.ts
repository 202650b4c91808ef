/** One "method=result" entry of an Authentication-Results header (RFC 8601 §2.2). */
export interface AuthResultEntry {
  method: string;
  /** Lowercase result word ("pass", "fail", "permerror", …). */
  result: string;
  reason: string | null;
  /** ptype.property → value, e.g. "smtp.mailfrom" → "bounce@example.com", "policy.iprev" → "1.2.3.4". */
  properties: Record<string, string>;
  /** Comments in the entry, e.g. "(mail-ed1.example.com: 203.0.113.5 is authorized …)". */
  comments: string[];
}

export interface AuthResultsHeader {
  source: 'Authentication-Results' | 'ARC-Authentication-Results';
  /** ARC instance (i=), for ARC-Authentication-Results. */
  instance: number | null;
  authservId: string;
  results: AuthResultEntry[];
  /** Position among all of the message's headers, 0 = topmost. */
  fieldIndex: number;
}

/** A Received-SPF header (RFC 7208 §9.1). */
export interface ReceivedSpfClaim {
  result: string;
  clientIp: string | null;
  envelopeFrom: string | null;
  helo: string | null;
  receiver: string | null;
  identity: string | null;
  mechanism: string | null;
  comment: string | null;
  fieldIndex: number;
}

/** What receiving servers said at delivery time. */
export interface Claims {
  authResults: AuthResultsHeader[];
  receivedSpf: ReceivedSpfClaim[];
  /** The ARC sets (RFC 8617), checked for structure; their signatures are not verified. */
  arc: ArcChain;
}

/** One ARC-Seal or ARC-Message-Signature as written (its signature is not verified here). */
export interface ArcSignatureField {
  /** d=, s=, a= as written; null when absent. */
  domain: string | null;
  selector: string | null;
  algorithm: string | null;
  fieldIndex: number;
}

/** One ARC set (RFC 8617 §4.1): the three fields an intermediary adds with one instance i=. */
export interface ArcSet {
  instance: number;
  /** ARC-Seal's cv= (none, pass, fail) as written, lowercase; null when there is no seal or no cv=. */
  cv: string | null;
  seal: ArcSignatureField | null;
  messageSignature: ArcSignatureField | null;
  /** The ARC-Authentication-Results of this instance: what that intermediary recorded. */
  authResults: AuthResultsHeader | null;
}

/**
 * The chain as the headers state it, checked for structure only (RFC 8617 §5.2 steps 1–3: each
 * instance from 1 to the highest has exactly one of each field, i=1 says cv=none, every later
 * one cv=pass). The seals' and signatures' cryptography is not verified: "as written" is all a
 * structural check can say.
 */
export interface ArcChain {
  sets: ArcSet[];
  /** none: no ARC fields; intact: the structure holds; broken: see problem. */
  structure: 'none' | 'intact' | 'broken';
  problem: string | null;
}
