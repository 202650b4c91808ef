/**
 * How much of one value is shown before "show all": a DNS name has at most 253 characters
 * (RFC 1035 §2.3.4), so a real host name always fits; a 6,000-character HELO or Subject does not,
 * and must not push the sender and the verdicts off the first screen.
 */
export const SHOWN_CHARS = 255;

/** The start of a value too long to show whole, cut by code points (no surrogate pair split); null when it fits. */
export function capText(text: string, max = SHOWN_CHARS): { head: string; total: number } | null {
  if (text.length <= max) return null;
  const chars = Array.from(text);
  if (chars.length <= max) return null;
  return { head: chars.slice(0, max).join(''), total: chars.length };
}
