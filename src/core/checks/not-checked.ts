import { NOT_CHECKED, type NoDetails, type NotChecked, type Severity } from './types.js';

interface Why<Details> {
  subject: string;
  summary: string;
  /** The reason, for the user: every "not checked" says why. */
  explanation: string;
  hopIndex: number | null;
  /** "info" unless the reason is itself worth a warning. */
  severity?: Severity;
  advice?: string[];
  details: Details;
}

/** The result of a check that did not run for a subject: no verdict, no DNS evidence, the reason. */
export function notChecked<Name extends string, Details = NoDetails>(check: Name, why: Why<Details>): NotChecked<Name, Details> {
  return {
    check,
    subject: why.subject,
    result: NOT_CHECKED,
    severity: why.severity ?? 'info',
    summary: why.summary,
    explanation: why.explanation,
    advice: why.advice ?? [],
    hopIndex: why.hopIndex,
    details: why.details,
    evidence: [],
  };
}
