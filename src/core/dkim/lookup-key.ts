import { recordingResolver, type Evidence } from '../dns/evidence.js';
import { recordsOf, type Resolver } from '../dns/types.js';
import { failureOf, lookUp } from '../lookups/lookup.js';
import type { DkimReason } from './types.js';

export type KeyLookup =
  | { records: string[]; problem: null; evidence: Evidence[] }
  | { records: null; problem: { result: 'temperror' | 'permerror'; reason: DkimReason; text: string }; evidence: Evidence[] };

/** Key records tried at one name; a real name has one, rotation may briefly show two. */
export const MAX_KEY_RECORDS = 4;

/**
 * RFC 6376 §3.6.2.2: the TXT records at `selector._domainkey.domain`, each one's strings joined.
 * No such name or no TXT is "no key for signature" (permerror, §6.1.2); a lookup that got no
 * answer is temperror, never a verdict on the signature.
 */
export async function lookupKey(name: string, resolver: Resolver, signal?: AbortSignal): Promise<KeyLookup> {
  const recorder = recordingResolver(resolver);
  const lookup = await lookUp(recorder, name, 'TXT', signal);
  if (lookup.failed) return temporary(name, failureOf(lookup.failed), recorder.evidence);
  if (lookup.kind !== 'records') {
    const what = lookup.kind === 'nxdomain' ? 'does not exist (NXDOMAIN)' : 'has no TXT record';
    return {
      records: null,
      problem: {
        result: 'permerror',
        reason: 'key-missing',
        text: `No key is published: ${name} ${what}. Either the selector is wrong or the key was removed (RFC 6376 §6.1.2: no key for signature).`,
      },
      evidence: recorder.evidence,
    };
  }
  const records = recordsOf(lookup.answer, 'TXT')
    .map((r) => r.data.join(''))
    .slice(0, MAX_KEY_RECORDS);
  return { records, problem: null, evidence: recorder.evidence };
}

function temporary(name: string, why: string, evidence: Evidence[]): KeyLookup {
  return {
    records: null,
    problem: {
      result: 'temperror',
      reason: 'key-lookup-failed',
      text: `The key lookup of ${name} failed (${why}), so the signature could not be checked; another attempt may succeed. This is not a verdict on the signature.`,
    },
    evidence,
  };
}
