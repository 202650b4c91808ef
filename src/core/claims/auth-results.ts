import type { AuthResultEntry, AuthResultsHeader } from './types.js';
import { readPairs, splitAtSemicolons, tokenizeClaim } from './tokenize.js';
import type { ClaimToken } from './tokenize.js';

const hasEquals = (tokens: readonly ClaimToken[]): boolean => tokens.some((t) => t.kind === '=');

/** "dkim/1" → "dkim": the method version (RFC 8601 §2.2) is not part of its name. */
const methodName = (text: string): string => text.replace(/\s*\/.*$/, '').toLowerCase();

function entryOf(tokens: readonly ClaimToken[]): AuthResultEntry | null {
  const { pairs, comments } = readPairs(tokens);
  const method = pairs[0];
  if (!method || method.value === null || method.value === '') return null;
  const entry: AuthResultEntry = {
    method: methodName(method.key),
    result: method.value.toLowerCase(),
    reason: null,
    properties: {},
    comments,
  };
  for (const { key, value } of pairs.slice(1)) {
    if (value === null) continue;
    const name = key.toLowerCase();
    if (name === 'reason' && entry.reason === null) entry.reason = value;
    else if (!(name in entry.properties)) entry.properties[name] = value;
  }
  return entry;
}

/**
 * One Authentication-Results value (RFC 8601 §2.2), or an ARC-Authentication-Results value with
 * its "i=N;" prefix (RFC 8617 §4.1.1). Microsoft 365 leaves out the authserv-id and starts with a
 * result; that is read as authservId "". Results that cannot be read are left out, not guessed.
 */
export function parseAuthResults(value: string, source: AuthResultsHeader['source'], fieldIndex: number): AuthResultsHeader {
  const groups = splitAtSemicolons(tokenizeClaim(value));
  let instance: number | null = null;
  if (source === 'ARC-Authentication-Results') {
    const { pairs } = readPairs(groups[0] ?? []);
    const i = pairs.find((p) => p.key.toLowerCase() === 'i');
    if (i?.value && /^\d+$/.test(i.value)) {
      instance = Number(i.value);
      groups.shift();
    }
  }
  let authservId = '';
  const head = groups[0] ?? [];
  if (!hasEquals(head)) {
    groups.shift();
    const id = head.find((t) => t.kind === 'word' || t.kind === 'quoted');
    authservId = id?.text ?? '';
  }
  const results: AuthResultEntry[] = [];
  for (const group of groups) {
    const entry = entryOf(group);
    if (entry) results.push(entry);
  }
  return { source, instance, authservId, results, fieldIndex };
}
