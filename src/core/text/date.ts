/**
 * Dates for people: the header's own words beside one clock for all. Reports keep ISO 8601
 * (what a program compares); these are the forms every view and the CLI show.
 */

/** An ISO instant as "2025-10-14 09:12:02 UTC": headers carry whole seconds, so ".000Z" says nothing. */
export function formatUtc(iso: string): string {
  return `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
}

/** A written date that ends in a zone equal to UTC ("+0000", "GMT", "+0000 (UTC)"): it needs no second form. */
const ENDS_IN_UTC = /(?:^|\s)(?:[+-]0000|UTC?|GMT|Z)(?:\s*\([^()]*\))?$/i;

/**
 * A date as the header wrote it, then the same instant in UTC: "Tue, 14 Oct 2025 11:12:02 +0200
 * (2025-10-14 09:12:02 UTC)". The written zone tells where the clock stood; UTC puts every
 * hop on one clock. Text that is no readable date is shown as written, and said to be so.
 */
export function formatWrittenDate(iso: string | null, written: string | null): string {
  const text = written?.replace(/\s+/g, ' ').trim() || null;
  if (text === null) return iso === null ? '' : formatUtc(iso);
  if (iso === null) return `${text} (not a date Hoplens can read)`;
  return ENDS_IN_UTC.test(text) ? text : `${text} (${formatUtc(iso)})`;
}
