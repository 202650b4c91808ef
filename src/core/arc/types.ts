import type { AuthResultsHeader } from '../claims/types.js';
import type { Evidence } from '../dns/evidence.js';
import type { DkimKeyInfo, DkimReason, DkimResultWord, DkimSignatureVerdict } from '../dkim/types.js';

/**
 * The chain's result (RFC 8617 §5.2: none, pass, fail), plus the two words Hoplens needs so
 * that nothing it could not check reads as a verdict: temperror (a key lookup got no answer)
 * and neutral (the seals verify, but without the body the newest message signature's body hash
 * could not be checked).
 */
export type ArcResultWord = 'pass' | 'fail' | 'none' | 'neutral' | 'temperror';

/** Why the chain got its word, for programs; the sentence is in `explanation`. */
export type ArcReason =
  /** RFC 8617 §5.2 step 3: instances missing, doubled, out of range, or cv= out of order. */
  | 'structure'
  /** §4.2.1: more than 50 sets. */
  | 'too-many-sets'
  /** §5.2 step 2: the newest seal says an intermediary found the chain broken. */
  | 'cv-fail'
  /** §5.2 step 4: the newest ARC-Message-Signature does not verify. */
  | 'message-signature'
  /** §5.2 step 5: an ARC-Seal does not verify. */
  | 'seal'
  | 'key-lookup-failed'
  | 'body-unavailable';

/** Why one seal got its word: DKIM's reasons, and the seal's own rule about h=. */
export type ArcSealReason = DkimReason | 'seal-has-h';

/** One ARC-Seal, verified (RFC 8617 §4.1.3, §5.1.1). */
export interface ArcSealVerdict {
  result: DkimResultWord;
  reason: ArcSealReason | null;
  explanation: string;
  /** d=, s=, a= as written; null when absent. */
  domain: string | null;
  selector: string | null;
  algorithm: string | null;
  fieldIndex: number;
  keyName: string | null;
  key: DkimKeyInfo | null;
  evidence: Evidence[];
}

/** One ARC set (RFC 8617 §4.1) as Hoplens verified it. */
export interface ArcSetVerdict {
  instance: number;
  /** ARC-Seal's cv= as written, lower-cased; null without a seal or a cv=. */
  cv: string | null;
  seal: ArcSealVerdict | null;
  /**
   * The ARC-Message-Signature verified like a DKIM signature; null when the set has none, or
   * when its key was not among those the chain needed (only the newest one decides, §5.2 step 4).
   */
  messageSignature: DkimSignatureVerdict | null;
  /** What this intermediary recorded: its claim when it got the message, never Hoplens' verdict. */
  authResults: AuthResultsHeader | null;
}

/** The ARC chain of a message (RFC 8617 §5.2), verified by Hoplens. */
export interface ArcVerification {
  result: ArcResultWord;
  reason: ArcReason | null;
  /** The instance whose set made the chain fail (or could not be checked), when one did. */
  failedInstance: number | null;
  explanation: string;
  /** One per instance from 1 to the highest found (at most 50), oldest first. */
  sets: ArcSetVerdict[];
  /** ARC fields in the message (seals, message signatures and results together). */
  fieldsFound: number;
  structure: 'none' | 'intact' | 'broken';
  structureProblem: string | null;
  exactBytes: boolean;
  bodyAvailable: boolean;
}
