const ENGLISH = new Intl.PluralRules('en');

/**
 * A count with its noun in the right number: "1 hop", "2 hops", "0 hops". One helper, so that no
 * text says "1 hops" or "message(s)"; the extension's locale layer does the same through
 * Intl.PluralRules for its own texts.
 */
export function countOf(n: number, one: string, other: string): string {
  return `${n} ${ENGLISH.select(n) === 'one' ? one : other}`;
}
