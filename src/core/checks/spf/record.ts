import type ipaddr from 'ipaddr.js';
import { parseIp4, parseIp6 } from './address.js';
import { endsLikeDomain } from './domain.js';
import { parseMacroString, type MacroToken } from './macro.js';
import { SpfSyntaxError } from './syntax-error.js';

/** §4.6.2: "+" pass, "-" fail, "~" softfail, "?" neutral. */
export type Qualifier = '+' | '-' | '~' | '?';

export type Mechanism =
  | { kind: 'all' }
  | { kind: 'include' | 'exists'; target: MacroToken[] }
  /** target null: the current <domain>. */
  | { kind: 'a' | 'mx'; target: MacroToken[] | null; cidr4: number; cidr6: number }
  | { kind: 'ptr'; target: MacroToken[] | null }
  | { kind: 'ip4'; network: ipaddr.IPv4; bits: number }
  | { kind: 'ip6'; network: ipaddr.IPv6; bits: number };

export interface MechanismTerm {
  /** The term as written in the record. */
  text: string;
  qualifier: Qualifier;
  mechanism: Mechanism;
}

export interface DomainModifier {
  text: string;
  target: MacroToken[];
}

export interface SpfRecord {
  text: string;
  mechanisms: MechanismTerm[];
  redirect: DomainModifier | null;
  exp: DomainModifier | null;
}

const VERSION = /^v=spf1(?: |$)/i;
const MODIFIER = /^([a-z][a-z0-9_.-]*)=([\s\S]*)$/i;
const MECHANISM = /^([+\-~?]?)([a-z][a-z0-9]*)([\s\S]*)$/i;
const DUAL_CIDR = /^(?::([\s\S]*?))?(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/;
const SINGLE_CIDR = /^:([^/]*)(?:\/([0-9]+))?$/;

/** §4.5: a TXT string (its character-strings already joined) is an SPF record when it starts so. */
export function isSpfRecord(text: string): boolean {
  return VERSION.test(text);
}

/** Parses a whole record before any of it is evaluated, so a syntax error anywhere is found (§4.6). */
export function parseRecord(text: string): SpfRecord {
  if (!isSpfRecord(text)) throw new SpfSyntaxError('the record does not start with "v=spf1"');
  const record: SpfRecord = { text, mechanisms: [], redirect: null, exp: null };
  for (const term of text.slice('v=spf1'.length).split(' ')) {
    if (term === '') continue;
    const modifier = MODIFIER.exec(term);
    if (modifier) {
      addModifier(record, term, modifier[1]!.toLowerCase(), modifier[2]!);
      continue;
    }
    record.mechanisms.push(parseMechanism(term));
  }
  return record;
}

function addModifier(record: SpfRecord, term: string, name: string, value: string): void {
  if (name !== 'redirect' && name !== 'exp') {
    // §6: unknown modifiers are ignored, but their value must still be a macro-string.
    parseMacroString(value, 'modifier');
    return;
  }
  if (record[name] !== null) throw new SpfSyntaxError(`"${name}=" appears more than once (RFC 7208 §6)`);
  record[name] = { text: term, target: domainSpec(value, term) };
}

function parseMechanism(term: string): MechanismTerm {
  const m = MECHANISM.exec(term);
  if (!m) throw new SpfSyntaxError(`"${term}" is neither a mechanism nor a modifier`);
  const qualifier = (m[1] || '+') as Qualifier;
  const name = m[2]!.toLowerCase();
  const rest = m[3]!;
  return { text: term, qualifier, mechanism: mechanismOf(name, rest, term) };
}

function mechanismOf(name: string, rest: string, term: string): Mechanism {
  switch (name) {
    case 'all':
      if (rest !== '') throw new SpfSyntaxError(`"${term}": "all" takes no argument`);
      return { kind: 'all' };
    case 'include':
    case 'exists':
      if (!rest.startsWith(':')) throw new SpfSyntaxError(`"${term}": "${name}" needs ":domain"`);
      return { kind: name, target: domainSpec(rest.slice(1), term) };
    case 'ptr':
      if (rest === '') return { kind: 'ptr', target: null };
      if (!rest.startsWith(':')) throw new SpfSyntaxError(`"${term}": "ptr" takes only ":domain"`);
      return { kind: 'ptr', target: domainSpec(rest.slice(1), term) };
    case 'a':
    case 'mx': {
      const d = DUAL_CIDR.exec(rest);
      if (!d) throw new SpfSyntaxError(`"${term}": expected ${name}[:domain][/ip4-cidr][//ip6-cidr]`);
      return {
        kind: name,
        target: d[1] === undefined ? null : domainSpec(d[1], term),
        cidr4: cidr(d[2], 32, term),
        cidr6: cidr(d[3], 128, term),
      };
    }
    case 'ip4':
    case 'ip6': {
      const s = SINGLE_CIDR.exec(rest);
      if (!s) throw new SpfSyntaxError(`"${term}": expected ${name}:address[/prefix-length]`);
      const network = name === 'ip4' ? parseIp4(s[1]!) : parseIp6(s[1]!);
      if (!network) throw new SpfSyntaxError(`"${term}": "${s[1]}" is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`);
      const bits = cidr(s[2], name === 'ip4' ? 32 : 128, term);
      return name === 'ip4' ? { kind: 'ip4', network: network as ipaddr.IPv4, bits } : { kind: 'ip6', network: network as ipaddr.IPv6, bits };
    }
    default:
      throw new SpfSyntaxError(`"${term}": unknown mechanism "${name}"`);
  }
}

function cidr(digits: string | undefined, max: number, term: string): number {
  if (digits === undefined) return max;
  // §5.6 forbids leading zeros in addresses; a prefix length like "/032" is read the same way.
  if ((digits.length > 1 && digits.startsWith('0')) || Number(digits) > max) {
    throw new SpfSyntaxError(`"${term}": prefix length /${digits} is not between 0 and ${max}`);
  }
  return Number(digits);
}

function domainSpec(text: string, term: string): MacroToken[] {
  if (text === '') throw new SpfSyntaxError(`"${term}": the domain is empty`);
  const tokens = parseMacroString(text, 'domain');
  if (!endsLikeDomain(tokens)) {
    throw new SpfSyntaxError(`"${term}": "${text}" does not end in a valid top-level label (RFC 7208 §7.1)`);
  }
  return tokens;
}
