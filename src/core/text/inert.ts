/*
 * Header text is written by whoever sent the message, DNS text by whoever runs the zone. Shown
 * raw, a control character acts instead of showing: ESC and the 8-bit CSI (U+009B) start terminal
 * escape sequences (clear the screen, OSC 8 links, retitle the window), CR overwrites a line, BEL
 * rings, and a bidi override (U+202E) makes "report‮fdp.exe" read as "reportexe.pdf". Every
 * renderer (UI, CLI, each exporter) shows such text through this module: each of these
 * characters becomes a visible marker such as ⟨ESC⟩ or ⟨RLO⟩, and a field can be wrapped in a
 * Unicode isolate so that its right-to-left letters never reorder the text around it (UAX #9 §2.7).
 */

/** First Strong Isolate and Pop Directional Isolate (UAX #9 §2.7): a field's own direction, sealed off. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** C0 (U+0000–U+001F) by their ISO 6429 abbreviations. */
const C0 = 'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(' ');
/** C1 (U+0080–U+009F) by their ISO 6429 abbreviations; U+009B is the 8-bit CSI. */
const C1 = 'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC'.split(' ');
/** Invisible characters that change the order or the lines of the text around them. */
const FORMAT: Record<number, string> = {
  0x061c: 'ALM',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x2028: 'LSEP',
  0x2029: 'PSEP',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
};

/** Everything markerName names; one pass of this finds every character that must not reach a reader raw. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** UNSAFE less C0: in JSON.stringify's output the only C0 left are its own line breaks. */
const UNSAFE_ABOVE_C0 = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The marker's name for one unsafe character: "ESC", "CSI", "RLO". */
export function markerName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return C0[code]!;
  if (code === 0x7f) return 'DEL';
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80]!;
  return FORMAT[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A tab is what unfolding leaves of a folded header line (RFC 5322 §2.2.3): spacing, which
 * moves nothing but the cursor, so it shows as one space rather than as a marker.
 */
function marker(char: string): string {
  return char === '\t' ? ' ' : `⟨${markerName(char)}⟩`;
}

/** The text with every control and bidi character replaced by its visible marker. */
export function visible(text: string): string {
  return text.replace(UNSAFE, marker);
}

/** visible() line by line: for text whose own line breaks are its layout (a record list, a raw header). */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/** A visible() field sealed in FSI…PDI, for plain-text and Markdown output where no element can isolate it. */
export function isolate(text: string): string {
  return `${FSI}${visible(text)}${PDI}`;
}

/** One run of a field: literal text, or a marker standing for one unsafe character (a renderer may style it). */
export type InertPart = { text: string; marker: false } | { text: string; marker: true; name: string };

/** The text in runs, for renderers that show markers apart from the text (the UI, the HTML export). */
export function inertParts(text: string): InertPart[] {
  const parts: InertPart[] = [];
  let last = 0;
  for (const match of text.matchAll(UNSAFE)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marker: false });
    if (match[0] === '\t') parts.push({ text: ' ', marker: false });
    else parts.push({ text: marker(match[0]), marker: true, name: markerName(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), marker: false });
  return parts;
}

/**
 * JSON keeps every value exactly, but a file someone `cat`s or a log that shows it must not act
 * either: JSON.stringify already writes C0 as \u escapes; this writes DEL, C1 and the bidi and
 * line-separator characters the same way. JSON.parse gives back the same data.
 */
export function inertJson(json: string): string {
  return json.replace(UNSAFE_ABOVE_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
