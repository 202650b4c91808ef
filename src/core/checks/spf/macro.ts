import { SpfStop } from './stop.js';
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

/**
 * The longest value a letter may take from the SMTP session: RFC 5321 §4.5.3.1.1 (local part,
 * 64 octets) and §4.5.3.1.2 (domain, 255 octets). A receiver refuses longer ones before SPF
 * runs, so a record cannot be made to expand them; allowing them would let one header make
 * every macro of a 60 KB record copy 100 KB.
 */
const INPUT_LIMITS: Partial<Record<MacroLetter, { octets: number; what: string }>> = {
  l: { octets: 64, what: 'the local part of the sender' },
  s: { octets: 64 + 1 + 255, what: 'the sender address' },
  o: { octets: 255, what: 'the sender domain' },
  h: { octets: 255, what: 'the HELO name' },
};

/** Which end of an expansion to keep when it is longer than needed. */
export interface ExpansionWindow {
  keep: 'head' | 'tail';
  chars: number;
}

export async function expandMacros(tokens: readonly MacroToken[], values: MacroValues): Promise<string> {
  return (await expandWithin(tokens, values, null)).text;
}

/**
 * Expands, holding at most about twice `kept.chars` characters at any time: the head (an
 * explanation, which is cut) or the tail (a domain-spec, whose left side §7.3 drops). `cut`
 * says characters were left out. Linear in the macro-string, whatever it expands to.
 * Throws SpfStop (permerror) when a macro would expand an input longer than SMTP allows.
 */
export async function expandWithin(tokens: readonly MacroToken[], values: MacroValues, kept: ExpansionWindow | null): Promise<{ text: string; cut: boolean }> {
  let out = '';
  let cut = false;
  for (const token of tokens) {
    let piece: string;
    if (token.kind !== 'macro') {
      piece = token.text;
    } else {
      const raw = await macroValue(token.letter, values);
      checkInput(token.letter, raw, values.domain);
      const transformed = transform(raw, token);
      piece = token.urlEscape ? urlEscape(transformed) : transformed;
    }
    out += piece;
    if (kept === null || out.length <= 2 * kept.chars) continue;
    cut = true;
    if (kept.keep === 'head') return { text: out.slice(0, kept.chars), cut };
    out = out.slice(-kept.chars);
  }
  if (kept !== null && out.length > kept.chars) {
    cut = true;
    out = kept.keep === 'head' ? out.slice(0, kept.chars) : out.slice(-kept.chars);
  }
  return { text: out, cut };
}

function checkInput(letter: MacroLetter, value: string, domain: string): void {
  const limit = INPUT_LIMITS[letter];
  if (!limit) return;
  const octets = utf8Length(value);
  if (octets <= limit.octets) return;
  throw new SpfStop(
    'permerror',
    { kind: 'overlong-input', domain, macro: `%{${letter}}`, what: limit.what, octets, limit: limit.octets },
    `the SPF record of ${domain} expands %{${letter}}, ${limit.what}, which is ${octets} octets long; RFC 5321 §4.5.3.1 allows ${limit.octets}, so no receiver would have accepted it`,
  );
}

function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) octets += 1;
    else if (code < 0x800) octets += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      octets += 4;
      i++;
    } else octets += 3;
  }
  return octets;
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
