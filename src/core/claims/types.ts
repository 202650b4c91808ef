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
}
