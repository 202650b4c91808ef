import type { FailedLookup } from '../../lookups/lookup.js';

/** RFC 7208 §2.6: the seven results of check_host(). */
export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

/** Which identity was checked (RFC 7208 §2.3, §2.4). */
export type SpfIdentity = 'mailfrom' | 'helo';

export interface SpfInput {
  /** The SMTP client's address. An IPv4-mapped IPv6 address is treated as IPv4 (§5). */
  ip: string;
  /** MAIL FROM address; "" for the null sender, in which case the HELO identity is checked. */
  mailFrom: string;
  helo: string;
}

export interface SpfOptions {
  signal?: AbortSignal;
  /** DNS-querying terms allowed (§4.6.4); 10 unless a test needs otherwise. */
  maxLookups?: number;
}

/** One step of the evaluation, for a view that shows how the result came about. */
export interface SpfTraceEntry {
  /** The domain whose record was being evaluated. */
  domain: string;
  /** That domain's SPF record, null when none was found. */
  record: string | null;
  /** The term being evaluated, null for steps about the record itself. */
  term: string | null;
  note: string;
  /** 0 for the checked domain; +1 inside each include and redirect. */
  depth: number;
}

/** Why a permerror or temperror happened, in a form advice can act on. */
export type SpfProblem =
  | { kind: 'syntax'; domain: string; detail: string }
  | { kind: 'multiple-records'; domain: string; count: number }
  | { kind: 'lookup-limit'; domain: string; limit: number; term: string }
  | { kind: 'void-limit'; domain: string; limit: number; term: string }
  | { kind: 'mx-limit'; domain: string; count: number; term: string }
  | { kind: 'no-record-at-target'; domain: string; term: string }
  /** A macro of `domain`'s record would expand a session value longer than RFC 5321 allows. */
  | { kind: 'overlong-input'; domain: string; macro: string; what: string; octets: number; limit: number }
  /** `lookup` is the question that got no usable answer, and what came back instead. */
  | { kind: 'dns'; domain: string; detail: string; lookup: FailedLookup };

export interface SpfEvaluation {
  result: SpfResult;
  /** The domain check_host() started from: the MAIL FROM domain, or the HELO name. */
  domain: string;
  identity: SpfIdentity;
  /** Plain words: which mechanism matched in which record, or why it errored. */
  reason: string;
  /** The domain's own text from exp= (§6.2), expanded; only for "fail", null when absent or unusable. */
  explanation: string | null;
  /** The term of `record` that decided the result ("-all", "include:…"); null when none did. */
  mechanism: string | null;
  /** The record holding `mechanism` (after following redirect=), or the checked domain's record. */
  record: string | null;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect). */
  lookups: number;
  /** Terms whose lookup found no records or NXDOMAIN. */
  voidLookups: number;
  problem: SpfProblem | null;
  trace: SpfTraceEntry[];
}
