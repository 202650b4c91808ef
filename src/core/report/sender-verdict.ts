import { resultWords, senderResults, type SummaryInput } from './summary.js';

/** The sender's standing in one mark, for a badge: the worst severity among its checks. */
export interface SenderVerdict {
  /** pass: every check about the sender is fine; warn: one needs a look; fail: one failed; unchecked: none ran. */
  level: 'pass' | 'warn' | 'fail' | 'unchecked';
  /** ✓, !, ✗ or ? */
  mark: string;
  /** "Reverse DNS fail, SPF pass", or why nothing was checked. */
  title: string;
}

const MARKS: Record<SenderVerdict['level'], string> = { pass: '✓', warn: '!', fail: '✗', unchecked: '?' };

/**
 * Summarises the report's sender checks as the summary line words them, without the sender's
 * name: a badge title is read beside the message, whose own headers name it already.
 */
export function senderVerdict(report: SummaryInput & { summary: string }): SenderVerdict {
  const results = report.route.origin && report.dns.mode !== 'off' ? senderResults(report) : [];
  if (results.length === 0) return { level: 'unchecked', mark: MARKS.unchecked, title: report.summary };
  const level = results.some((r) => r.severity === 'error') ? 'fail' : results.some((r) => r.severity === 'warning') ? 'warn' : 'pass';
  const words = resultWords(results, report.checkMeta);
  return { level, mark: MARKS[level], title: words.charAt(0).toUpperCase() + words.slice(1) };
}
