/** How far into a text the header block is looked for: "show original" pages put a few lines of chrome before it. */
const SCAN_LINES = 400;
const FIELD = /^[\x21-\x39\x3b-\x7e]{1,76}:[ \t]/;
const RECEIVED = /^received:[ \t]/i;
const COMMON = /^(from|to|subject|date|message-id|return-path|delivered-to|dkim-signature|authentication-results|mime-version|content-type|x-[\w-]+):[ \t]/i;

/**
 * True when `text` reads like a message's header block: at least one Received: field and at
 * least three header fields in all near the top. Rejects ordinary page text, which the analysis
 * would refuse anyway, so that the user gets the paste instructions instead of a parse error.
 */
export function looksLikeHeaders(text: string): boolean {
  let received = 0;
  let fields = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, SCAN_LINES);
  for (const raw of lines) {
    const line = raw.trimStart();
    if (RECEIVED.test(line)) received++;
    if (RECEIVED.test(line) || COMMON.test(line) || FIELD.test(raw)) fields++;
  }
  return received >= 1 && fields >= 3;
}

/** The first candidate that looks like headers, in the page's own order of preference. */
export function pickHeaderText(candidates: readonly string[]): string | null {
  return candidates.find((c) => looksLikeHeaders(c)) ?? null;
}
