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
