import { SpfSyntaxError } from './syntax-error.js';

/** RFC 7208 §7.1 macro letters. */
export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroToken =
  | { kind: 'literal'; text: string }
  /** "%%", "%_" and "%-": macro-expands in the grammar (they can end a domain-spec), fixed text here. */
  | { kind: 'escape'; text: string }
  | { kind: 'macro'; letter: MacroLetter; urlEscape: boolean; keep: number | null; reverse: boolean; delimiters: string };

/**
 * Where a macro-string appears. "domain": a domain-spec, where c, r and t are not allowed
 * (§7.3); "explanation": the TXT text named by exp=, which may also hold spaces (§6.2);
 * "modifier": an unknown modifier's value, checked for syntax only (§6).
 */
export type MacroContext = 'domain' | 'explanation' | 'modifier';

const LETTERS = 'slodiphcrtv';
const EXPLANATION_ONLY = 'crt';
const ESCAPES: Readonly<Record<string, string>> = { '%': '%', _: ' ', '-': '%20' };
const MACRO_BODY = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i;

/** Splits a macro-string into literal text and macros; throws SpfSyntaxError on bad syntax (§7.1). */
export function parseMacroString(text: string, context: MacroContext): MacroToken[] {
  const tokens: MacroToken[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '%') {
      const code = ch.charCodeAt(0);
      const visible = code >= 0x21 && code <= 0x7e;
      if (!visible && !(ch === ' ' && context === 'explanation')) {
        throw new SpfSyntaxError(`character ${describeChar(ch)} is not allowed in "${text}"`);
      }
      literal += ch;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && Object.hasOwn(ESCAPES, next)) {
      flush();
      tokens.push({ kind: 'escape', text: ESCAPES[next]! });
      i++;
      continue;
    }
    if (next !== '{') throw new SpfSyntaxError(`"%" must be followed by "{", "%", "_" or "-" in "${text}"`);
    const close = text.indexOf('}', i + 2);
    if (close < 0) throw new SpfSyntaxError(`unclosed macro in "${text}"`);
    const body = text.slice(i + 2, close);
    const m = MACRO_BODY.exec(body);
    const letter = m?.[1]?.toLowerCase();
    if (!m || letter === undefined || !LETTERS.includes(letter)) {
      throw new SpfSyntaxError(`unknown macro %{${body}} in "${text}"`);
    }
    if (context === 'domain' && EXPLANATION_ONLY.includes(letter)) {
      throw new SpfSyntaxError(`macro %{${body}} is allowed only in explanation text (RFC 7208 §7.3)`);
    }
    const digits = m[2]!;
    if (digits !== '' && Number(digits) === 0) {
      throw new SpfSyntaxError(`macro %{${body}} keeps zero parts (RFC 7208 §7.3 wants a nonzero number)`);
    }
    flush();
    tokens.push({
      kind: 'macro',
      letter: letter as MacroLetter,
      urlEscape: m[1] !== letter,
      keep: digits === '' ? null : Number(digits),
      reverse: m[3] !== '',
      delimiters: m[4]!,
    });
    i = close;
  }
  flush();
  return tokens;
}

/** The values macros expand to (§7.3); `validatedName` is asked only when %{p} appears. */
export interface MacroValues {
  /** <sender>: local-part@domain. */
  sender: string;
  localPart: string;
  senderDomain: string;
  /** <domain>: the domain whose record is being evaluated. */
  domain: string;
  /** %{i}: dotted quad, or 32 dot-separated nibbles for IPv6. */
  ipDotted: string;
  /** %{c}: dotted quad, or the RFC 5952 text of an IPv6 address. */
  ipText: string;
  ipVersion: 4 | 6;
  helo: string;
  /** %{r}: the receiving host; "unknown" when the checker is not an MTA. */
  receiver: string;
  /** %{t}: seconds since the epoch. */
  timestamp: number;
  validatedName: (domain: string) => Promise<string>;
}

export async function expandMacros(tokens: readonly MacroToken[], values: MacroValues): Promise<string> {
  let out = '';
  for (const token of tokens) {
    if (token.kind !== 'macro') {
      out += token.text;
      continue;
    }
    const raw = await macroValue(token.letter, values);
    const transformed = transform(raw, token);
    out += token.urlEscape ? urlEscape(transformed) : transformed;
  }
  return out;
}

async function macroValue(letter: MacroLetter, v: MacroValues): Promise<string> {
  switch (letter) {
    case 's':
      return v.sender;
    case 'l':
      return v.localPart;
    case 'o':
      return v.senderDomain;
    case 'd':
      return v.domain;
    case 'i':
      return v.ipDotted;
    case 'p':
      return v.validatedName(v.domain);
    case 'h':
      return v.helo;
    case 'c':
      return v.ipText;
    case 'r':
      return v.receiver;
    case 't':
      return String(v.timestamp);
    case 'v':
      return v.ipVersion === 4 ? 'in-addr' : 'ip6';
  }
}

/** §7.3: split on the delimiters (default "."), optionally reverse, keep the rightmost N, join with ".". */
function transform(value: string, token: Extract<MacroToken, { kind: 'macro' }>): string {
  if (token.keep === null && !token.reverse && token.delimiters === '') return value;
  const delimiters = token.delimiters || '.';
  const parts: string[] = [];
  let current = '';
  for (const ch of value) {
    if (delimiters.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  if (token.reverse) parts.reverse();
  const kept = token.keep === null ? parts : parts.slice(Math.max(0, parts.length - token.keep));
  return kept.join('.');
}

/** §7.3: uppercase macro letters are URL-escaped: every octet outside RFC 3986 "unreserved" is. */
export function urlEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function describeChar(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
