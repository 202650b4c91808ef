import type { Question, Rcode, Resolver } from '../dns/types.js';
import type { Hop } from '../route/types.js';
import type { HeaderAnalysis } from '../report/types.js';
import type { MessageBytes } from '../message/types.js';

/** One DNS question a check asked and what came back, shown to the user as proof. */
export interface Evidence {
  question: Question;
  /** null when no answer arrived (see error). */
  rcode: Rcode | null;
  error: string | null;
  /** Records in presentation form: "name TTL TYPE data". */
  records: string[];
  resolver: string;
  fromCache: boolean;
  elapsedMs: number;
  authenticated: boolean;
}

/** ok: nothing to do; info: worth knowing; warning: some receivers will mind; error: mail will suffer. */
export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Result word of a check that did not run, always with the reason in `explanation`. */
export const NOT_CHECKED = 'not-checked';

export interface CheckResult {
  /** "iprev", "helo", "mx", "spf", "then-vs-now", … */
  check: string;
  /** The IP or domain the result is about. */
  subject: string;
  /**
   * The RFC's word where there is one (iprev: RFC 8601 §3; spf: RFC 7208 §2.6), otherwise
   * pass / fail / temperror / permerror / none; "not-checked" when the check could not run.
   */
  result: string;
  severity: Severity;
  /** One line a user reads in two seconds. */
  summary: string;
  /** Why the result is what it is, in plain words. */
  explanation: string;
  /** What to change, naming the sending software's setting where known. Empty when nothing. */
  advice: string[];
  /** The hop the subject came from, when it came from one. */
  hopIndex: number | null;
  /** Check-specific structured data (PTR names, SPF trace, …), JSON-serialisable. */
  details: Record<string, unknown>;
  evidence: Evidence[];
}

/** Mail software recognised on the sending side, for advice that names its setting. */
export type SenderSoftware =
  | 'exchange'
  | 'microsoft365'
  | 'google-workspace'
  | 'postfix'
  | 'exim'
  | 'sendmail'
  | 'other';

export interface CheckContext {
  analysis: HeaderAnalysis;
  /** The message's bytes (DKIM hashes them); not part of the report. Absent: DKIM is not checked. */
  bytes?: MessageBytes;
  /** The analysis' clock, for checks that compare dates with now (DKIM's x=); the real one when absent. */
  now?: Date;
  /** The hop whose IP is treated as the sender (the route's origin or the user's choice). */
  origin: Hop | null;
  resolver: Resolver;
  signal?: AbortSignal;
  software: SenderSoftware | null;
  /** Results of the checks named in `after`, complete. */
  earlier: readonly CheckResult[];
}

export interface Check {
  name: string;
  /** Checks whose results this one reads; it starts when they are done. */
  after?: readonly string[];
  /** Yields each result as soon as it is known, so views can stream them. */
  run(ctx: CheckContext): AsyncIterable<CheckResult>;
}
