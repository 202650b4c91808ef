import type { Evidence } from '../dns/evidence.js';
import type { FailedLookup } from '../lookups/lookup.js';

/** RFC 9989 §4.7: a Domain Owner Assessment Policy (p=, sp=, np=). */
export type DmarcRequest = 'none' | 'quarantine' | 'reject';

/** adkim= and aspf= (RFC 9989 §4.7): r (relaxed, the default) or s (strict). */
export type AlignmentMode = 'relaxed' | 'strict';

/** RFC 8601 §2.7.1 / RFC 9989's result words for DMARC. */
export type DmarcResultWord = 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';

/** A DMARC Policy Record (RFC 9989 §4.7), read with the RFC's defaults. */
export interface DmarcRecord {
  /** The record as published, its strings joined (RFC 9989 §4.5). */
  text: string;
  /** p=, null when absent or not a valid request. */
  p: DmarcRequest | null;
  sp: DmarcRequest | null;
  np: DmarcRequest | null;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  /** psd= y (a Public Suffix Domain), n (an Organizational Domain), u (default: not said). */
  psd: 'y' | 'n' | 'u';
  /** t=y: the owner is testing; receivers apply one level less (RFC 9989 §4.7). */
  testing: boolean;
  /** rua= URIs that parse as URIs. */
  rua: string[];
  ruf: string[];
  /** p= is there and valid, and sp= and np= are valid when present. */
  policyValid: boolean;
  /**
   * False when p= is missing or invalid, or sp=/np= is invalid, and no rua= URI is valid:
   * RFC 9989 §4.10.1 says a receiver then applies no DMARC processing at all.
   */
  usable: boolean;
  /** Tags RFC 9989 removed (pct, rf, ri): ignored, as unknown tags are (§4.7). */
  retiredTags: string[];
  /** Tag values that were not valid and were replaced by the default, in words. */
  problems: string[];
}

/** One question of a DNS Tree Walk (RFC 9989 §4.10): the TXT records at `_dmarc.<domain>`. */
export interface WalkStep {
  domain: string;
  /**
   * record: exactly one DMARC record; none: no TXT starting v=DMARC1; multiple: more than one,
   * all discarded (§4.10 step 2); failed: no usable answer (SERVFAIL, timeout).
   */
  outcome: 'record' | 'none' | 'multiple' | 'failed';
  record: DmarcRecord | null;
  /** DMARC records at the name (2 or more for `multiple`). */
  count: number;
  /** The lookup that got no usable answer, for `failed`. */
  failed: FailedLookup | null;
}

/** Asks for the DMARC records at `_dmarc.<domain>`; one answer per domain, shared by every walk. */
export type AskDmarc = (domain: string) => Promise<WalkStep>;

/** A DNS Tree Walk from `start` (RFC 9989 §4.10), read up to where the RFC stops it. */
export interface TreeWalk {
  start: string;
  /** The steps the RFC's walk reads, in its order (at most eight). */
  steps: WalkStep[];
  /** psd: a record with psd=y or psd=n stopped it; end: it ran out of labels. */
  stop: 'psd' | 'end';
}

/** How RFC 9989 §4.10.2 chose an Organizational Domain, or why it could not. */
export type OrgDomain =
  | { domain: string; rule: 'psd-n' | 'below-psd-y' | 'fewest-labels' | 'no-record' }
  | { domain: null; rule: 'lookup-failed'; failed: FailedLookup };

/** Where the applicable DMARC record came from (RFC 9989 §4.10.1), highest preference first. */
export type PolicySource = 'author-domain' | 'organizational-domain' | 'public-suffix-domain';

/** Whether the Author Domain exists (RFC 9989 §3.2.10: NXDOMAIN or NODATA for A, AAAA and MX = not). */
export type Existence = 'exists' | 'does-not-exist' | 'unknown' | 'not-asked';

/** RFC 9989 §4.10.1 for one Author Domain. */
export interface PolicyDiscovery {
  authorDomain: string;
  /**
   * found: a record applies; none: no DMARC record applies (DMARC does not apply to the message);
   * temperror: a lookup that mattered failed; unusable: the record found gives no policy and no
   * valid rua= (no DMARC processing).
   */
  outcome: 'found' | 'none' | 'temperror' | 'unusable';
  /** The applicable record and where it was published, when one was found. */
  record: DmarcRecord | null;
  recordDomain: string | null;
  source: PolicySource | null;
  walk: TreeWalk;
  /** The Author Domain's Organizational Domain (RFC 9989 §4.10.2). */
  orgDomain: OrgDomain;
  existence: Existence;
  /** The lookup whose failure made the outcome temperror. */
  failed: FailedLookup | null;
}

/** The policy a receiver following the record applies to a message that fails. */
export interface AppliedPolicy {
  /** The tag the policy came from: p for the Author Domain's own record, else sp or np (or p as their fallback). */
  tag: 'p' | 'sp' | 'np';
  requested: DmarcRequest;
  testing: boolean;
  /** With t=y one level below the request (RFC 9989 §4.7): reject → quarantine → none. */
  effective: DmarcRequest;
}

/** One authenticated identifier candidate and whether it aligns with the Author Domain. */
export interface IdentifierAlignment {
  kind: 'spf' | 'dkim';
  /** The SPF MAIL FROM domain, or the DKIM d=. */
  domain: string;
  /** The DKIM s=, null for SPF. */
  selector: string | null;
  /** Hoplens' own SPF or DKIM result for it. */
  authResult: string;
  /** SPF pass for the MAIL FROM identity, or DKIM pass: an Authenticated Identifier (RFC 9989 §3.2.2). */
  authenticated: boolean;
  mode: AlignmentMode;
  /** yes / no; unknown when an Organizational Domain could not be found (a lookup failed). */
  aligned: 'yes' | 'no' | 'unknown';
  /** The identifier's Organizational Domain, when relaxed alignment needed it. */
  orgDomain: string | null;
}

/** Why DMARC has its result, for programs (advice, the providers' checklist). */
export type DmarcReason =
  | 'aligned-pass'
  | 'no-aligned-pass'
  | 'no-policy'
  | 'record-unusable'
  | 'policy-lookup-failed'
  | 'alignment-lookup-failed'
  | 'no-author-domain'
  | 'multiple-author-domains'
  | 'invalid-author-domain';

/** DMARC for one message, as Hoplens evaluates it from its own SPF and DKIM results. */
export interface DmarcEvaluation {
  result: DmarcResultWord;
  reason: DmarcReason;
  /** The RFC5322.From domain; null when the message has none usable. */
  authorDomain: string | null;
  discovery: PolicyDiscovery | null;
  identifiers: IdentifierAlignment[];
  /** The policy that applies to a failing message, when a usable record was found. */
  policy: AppliedPolicy | null;
  /** What a receiver following the record does with this message: none unless it fails. */
  disposition: DmarcRequest;
  evidence: Evidence[];
}
