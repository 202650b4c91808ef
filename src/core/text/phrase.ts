/**
 * Words of Hoplens' own (not header or DNS text) that more than one renderer shows: English for
 * the CLI and the exports, and the locale key with its substitutions for the extension's pages.
 * The English locale holds the same words (a unit test compares every phrase the renderers use),
 * so a page and an export never say a fact two ways.
 */
export interface Phrase {
  readonly key: string;
  readonly subs: readonly string[];
  readonly text: string;
}

export function phrase(key: string, text: string, subs: readonly (string | number)[] = []): Phrase {
  return { key, text, subs: subs.map(String) };
}
