import { expandWithin, type MacroToken, type MacroValues } from './macro.js';

const MAX_NAME = 253;
const MAX_LABEL = 63;
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/**
 * Why a domain cannot be the <domain> of check_host() (§4.3: malformed, or not a multi-label
 * name), or null when it can. Such a domain gets the result "none" without a lookup.
 */
export function domainProblem(domain: string): string | null {
  if (domain.startsWith('[')) return `${domain} is an address literal, not a domain name`;
  const name = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  if (name.length === 0) return 'the domain is empty';
  if (name.length > MAX_NAME) return `${domain} is longer than ${MAX_NAME} characters`;
  if (!/^[\x21-\x7e]+$/.test(name)) return `${domain} holds characters a domain name cannot`;
  const labels = name.split('.');
  if (labels.length < 2) return `${domain} is a single label, not a fully qualified domain name`;
  if (labels.some((l) => l.length === 0)) return `${domain} has an empty label`;
  const long = labels.find((l) => l.length > MAX_LABEL);
  if (long !== undefined) return `${domain} has a label longer than ${MAX_LABEL} characters`;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return `${domain} ends in a numeric label, so it is an address, not a domain`;
  return null;
}

/** Whether a name (already expanded) can be put in a DNS question at all. */
export function isQueryable(name: string): boolean {
  const labels = name.split('.');
  return name.length > 0 && name.length <= MAX_NAME && labels.every((l) => l.length > 0 && l.length <= MAX_LABEL);
}

/**
 * Whether a parsed macro-string is a domain-spec (§7.1): it must end in a macro-expand or in
 * "." toplabel, optionally followed by ".".
 */
export function endsLikeDomain(tokens: readonly MacroToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return false;
  if (last.kind !== 'literal') return true;
  const text = last.text.endsWith('.') ? last.text.slice(0, -1) : last.text;
  const dot = text.lastIndexOf('.');
  return dot >= 0 && TOPLABEL.test(text.slice(dot + 1));
}

/**
 * Expands a domain-spec into the name to look up (§7.3): trailing dot dropped, the left side
 * cut label by label to 253 characters, lowercase (the form names are compared in). Only the
 * rightmost characters can survive the cut, so only those are kept while expanding. A name
 * that no cut brings under the limit (no dot where one is needed) comes back starting with
 * "…", which is not queryable.
 */
export async function expandDomain(tokens: readonly MacroToken[], values: MacroValues): Promise<string> {
  // One more than the name for a trailing dot, one more to see the dot before a 253-character suffix.
  const { text, cut } = await expandWithin(tokens, values, { keep: 'tail', chars: MAX_NAME + 2 });
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (!cut && name.length <= MAX_NAME) return name.toLowerCase();
  const dot = name.indexOf('.', name.length - MAX_NAME - 1);
  if (dot >= 0) return name.slice(dot + 1).toLowerCase();
  return `…${name.slice(-MAX_NAME)}`.toLowerCase();
}
