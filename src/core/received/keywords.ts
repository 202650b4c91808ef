/** The clause keywords of a Received: value: RFC 5321 §4.4's "from", "by", "via", "with", "id" and "for". */
export type ClauseName = 'from' | 'by' | 'via' | 'with' | 'id' | 'for';

/**
 * The clause keyword written at input[start, end) in any case, or null. Read from the character
 * codes: the many words that are none cost a length check, and no word is lower-cased or copied.
 * (Setting bit 5 maps exactly the letter's two cases onto the lower one.)
 */
export function keywordAt(input: string, start: number, end: number): ClauseName | null {
  const length = end - start;
  if (length < 2 || length > 4) return null;
  const a = input.charCodeAt(start) | 32;
  const b = input.charCodeAt(start + 1) | 32;
  if (length === 2) return a === 98 && b === 121 ? 'by' : a === 105 && b === 100 ? 'id' : null;
  const c = input.charCodeAt(start + 2) | 32;
  if (length === 3) return a === 102 && b === 111 && c === 114 ? 'for' : a === 118 && b === 105 && c === 97 ? 'via' : null;
  const d = input.charCodeAt(start + 3) | 32;
  if (a === 102 && b === 114 && c === 111 && d === 109) return 'from';
  return a === 119 && b === 105 && c === 116 && d === 104 ? 'with' : null;
}

/**
 * Whether `text` is `lower` (ASCII lower-case letters, digits and "-") in any case, compared by
 * character codes: what `text.toLowerCase() === lower` says, without the copy. Only an ASCII
 * letter's case is folded: no other character has bit 5 decide between two of `lower`'s, and
 * the one non-ASCII character toLowerCase maps onto a single ASCII one (the Kelvin sign, onto
 * "k") is checked for.
 */
export function isCaseless(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const l = lower.charCodeAt(i);
    if (c === l || (c >= 65 && c <= 90 && c + 32 === l) || (c === 0x212a && l === 107)) continue;
    return false;
  }
  return true;
}
