import type { HeaderAnalysis } from '../header-analysis.js';
import type { Evidence } from '../dns/evidence.js';
import type { Resolver } from '../dns/types.js';
import type { Hop } from '../route/types.js';
import type { MessageBytes } from '../message/types.js';
import type { SenderSoftware } from '../software/detect.js';

/** ok: nothing to do; info: worth knowing; warning: some receivers will mind; error: mail will suffer. */
export type Severity = 'ok' | 'info' | 'warning' | 'error';

/** Result word of a check that did not run, always with the reason in `explanation`. */
export const NOT_CHECKED = 'not-checked';

/**
 * One result of one check. `Word` is the check's own result words (the RFC's where there is one:
 * iprev RFC 8601 §3, spf RFC 7208 §2.6), `Details` its own structured data, JSON-serialisable.
 */
export interface Verdict<Name extends string, Word extends string, Details> {
  check: Name;
  /** The IP or domain the result is about. */
  subject: string;
  result: Word;
  severity: Severity;
  /** One line a user reads in two seconds. */
  summary: string;
  /** Why the result is what it is, in plain words. */
  explanation: string;
  /** What to change, naming the sending software's setting where known. Empty when nothing. */
  advice: string[];
  /** The hop the subject came from, when it came from one. */
  hopIndex: number | null;
  details: Details;
  evidence: Evidence[];
}

/** A check that could not run, or whose subject could not go to DNS: the reason is in `explanation`. */
export type NotChecked<Name extends string, Details = NoDetails> = Verdict<Name, typeof NOT_CHECKED, Details>;

export type NoDetails = Record<string, never>;

/**
 * What any check can yield besides its own results: the pipeline's "not checked" when DNS is
 * off (no details), and the runner's when the check itself threw (the error, for a bug report).
 */
export type NotRun<Name extends string> = NotChecked<Name, NoDetails> | NotChecked<Name, { error: string }>;

/**
 * Where the report shows a check: first, as the answer to "will they accept it" (the providers'
 * checklist, which the summary line leads with); with the checks; or in the comparison with what
 * receivers said.
 */
export type CheckSection = 'checklist' | 'checks' | 'then-vs-now';

/** What views and exporters need to name and place a check, carried by the check itself. */
export interface CheckMeta {
  /** "Reverse DNS (iprev)": the card title and the exports' heading, in English. */
  label: string;
  /** "reverse DNS": the summary line's word for it. */
  shortLabel: string;
  /** Position in the summary line and the verdict strip, smallest first: the order a reader asks in. */
  summaryRank: number;
  section: CheckSection;
  /** The extension's texts (public/_locales) for label and shortLabel. */
  /** Null only for a check this version does not know (see checkMeta). */
  locale: { label: string; shortLabel: string } | null;
}

/** The widest result: code over every check (the runner, the views) reads no check's details. */
export type AnyVerdict = Verdict<string, string, object>;

/** What every check is, whatever it yields and reads: the shape the registry and the runner need. */
export interface AnyCheck {
  name: string;
  meta: CheckMeta;
  after: readonly AnyCheck[];
  early?: (ctx: never) => unknown;
  run(ctx: never): AsyncIterable<AnyVerdict>;
}

export interface Check<Name extends string = string, Result extends AnyVerdict = AnyVerdict, After extends readonly AnyCheck[] = readonly [], Early = undefined>
  extends AnyCheck {
  name: Name;
  /** The checks whose results this one reads, by reference; it starts when they are done. */
  after: After;
  /**
   * Called at once, with the checks that wait for nothing, for the work that needs no earlier
   * result (DMARC's record lookups need only the From domain): waiting for `after` then costs
   * no round trip. What it returns reaches `run` as `ctx.early`.
   */
  early?: (ctx: StartContext) => Early;
  /** Yields each result as soon as it is known, so views can stream them. */
  run(ctx: CheckContext<After, Early>): AsyncIterable<Result>;
}

/** What `check` yields itself. */
export type OwnResultOf<C> = C extends { run(ctx: never): AsyncIterable<infer Result> } ? Result : never;

/** Everything `check` can put in the report: its own results, or the pipeline's "not run". */
export type ResultOf<C> = C extends { name: infer Name extends string } ? OwnResultOf<C> | NotRun<Name> : never;

export interface CheckContext<After extends readonly AnyCheck[] = readonly AnyCheck[], Early = undefined> {
  analysis: HeaderAnalysis;
  /** The message's bytes (DKIM hashes them); not part of the report. Absent: DKIM is not checked. */
  bytes?: MessageBytes;
  /** The analysis' clock, for checks that compare dates with now (DKIM's x=); the real one when absent. */
  now?: Date;
  /** The hop whose IP is treated as the sender (the route's origin or the user's choice). */
  origin: Hop | null;
  /**
   * The second origin of a forward or a list: the original sender's hop into the first receiver
   * (route.originalSender), with the software that sent from it. HELO, SPF and MX run on it too,
   * beside the sender's; absent or null when there is none or it is the origin itself.
   */
  originalSender?: { hop: Hop; software: SenderSoftware | null } | null;
  resolver: Resolver;
  signal?: AbortSignal;
  software: SenderSoftware | null;
  /** Results of the checks in `after`, complete, typed as those checks yield them. */
  earlier: readonly ResultOf<After[number]>[];
  /** What the check's `early` returned; absent when it has none or was run without the runner. */
  early?: Early;
}

/** What a check's `early` sees: everything but the earlier results. */
export type StartContext = Omit<CheckContext, 'earlier' | 'early'>;
