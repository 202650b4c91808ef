import type { ProgressEvent } from './core/report/types.js';

/**
 * Messages between the extension's pages (popup, report tab, options) and its background
 * worker. Analyses run on a long-lived port named ANALYSIS_PORT so that results stream;
 * everything else is a one-shot runtime message.
 */
export const ANALYSIS_PORT = 'hoplens-analysis';

/** Where a raw message came from, shown in the UI and the report. */
export interface SourceInfo {
  /** Source module name: "paste", "file", "gmail", "outlook", "yahoo", "fastmail", "page", "selection", "thunderbird". */
  kind: string;
  /** What the user sees: "Gmail — message in view", "pasted text", a file name. */
  label: string;
  /**
   * True when `raw` holds the message's bytes as they arrived, one character per byte (a file, a
   * download, Thunderbird's getRaw), rather than text: DKIM hashes those bytes exactly.
   */
  bytes?: boolean;
}

/** Sent by a page on the analysis port. */
export type AnalysisRequest =
  | {
      type: 'analyze';
      raw: string;
      source: SourceInfo;
      /** Hop index (travel order) the user chose as sender, overriding the route's origin. */
      originHop?: number;
      /** Which embedded message/rfc822 to analyse instead of the outer message. */
      embedded?: number;
    }
  | { type: 'cancel' };

/** Sent by the background worker on the analysis port. */
export type AnalysisUpdate = { type: 'progress'; event: ProgressEvent } | { type: 'error'; code: string; message: string };

/** A message the active tab offers (a thread in Gmail can hold several). */
export interface MessageChoice {
  id: string;
  label: string;
}

export type GatherResult =
  | { ok: true; raw: string; source: SourceInfo; choices: MessageChoice[]; chosen: string | null }
  | {
      ok: false;
      /** Why the tab could not give a message, in plain words. */
      reason: string;
      /** The clicks that get the raw source in this webmail by hand, for the paste flow. */
      pasteHelp: string[];
    };

/** One-shot runtime messages to the background worker, each with its reply type. */
export type RuntimeRequest =
  | { type: 'gather-active-tab'; choice?: string }
  | { type: 'stash'; raw: string; source: SourceInfo }
  | { type: 'take-stash'; id: string }
  /** The popup started an analysis: keep it as the one to offer when the popup reopens on a tab without a message. */
  | { type: 'remember-last'; raw: string; source: SourceInfo }
  | { type: 'last-analysis' }
  | { type: 'recall-last' }
  /** The options page's "Test this resolver": one question to this DoH URL (or built-in id). */
  | { type: 'test-resolver'; url: string; timeoutMs: number };

/** The answer to the test question as the report's evidence shows it, or why there was none. */
export type ResolverTestReply = { ok: true; lines: string[] } | { ok: false; error: string };

/** What the popup shows on the button that brings the last analysis back. */
export interface LastAnalysisLabel {
  subject: string | null;
  source: SourceInfo;
}

export interface RuntimeReplies {
  'gather-active-tab': GatherResult;
  /** The id under which the message waits for the report tab. */
  stash: { id: string };
  'take-stash': { raw: string; source: SourceInfo } | null;
  'remember-last': null;
  /** Only the label: the message itself can be megabytes, fetched with recall-last when asked for. */
  'last-analysis': LastAnalysisLabel | null;
  'recall-last': { raw: string; source: SourceInfo } | null;
  'test-resolver': ResolverTestReply;
}
