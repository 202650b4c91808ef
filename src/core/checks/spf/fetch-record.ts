import { recordsOf } from '../../dns/types.js';
import { failureOf, lookUp, type FailedLookup } from '../../lookups/lookup.js';
import { isSpfRecord, parseRecord, type SpfRecord } from './record.js';
import type { Session } from './session.js';
import { SpfStop } from './stop.js';
import { SpfSyntaxError } from './syntax-error.js';

export type FetchedRecord = { record: SpfRecord; reason: null } | { record: null; reason: string };

/**
 * §4.4 and §4.5: the domain's TXT records, the one that starts with "v=spf1", parsed. No
 * record is "none" (returned); several, a syntax error or a failed lookup end the check.
 */
export async function fetchRecord(s: Session, domain: string, depth: number): Promise<FetchedRecord> {
  const note = (text: string, record: string | null = null): void => {
    s.trace.push({ domain, record, term: null, note: text, depth });
  };
  const lookup = await lookUp(s.resolver, domain, 'TXT', s.signal);
  if (lookup.failed) throw lookupFailed(domain, lookup.failed);
  if (lookup.kind === 'nxdomain') {
    note('the domain does not exist (NXDOMAIN)');
    return { record: null, reason: `${domain} does not exist (NXDOMAIN), so it has no SPF record` };
  }
  // §3.3: the character-strings of one TXT record are joined with nothing between them.
  const texts = recordsOf(lookup.answer, 'TXT').map((r) => r.data.join(''));
  const spf = texts.filter(isSpfRecord);
  if (spf.length === 0) {
    note(texts.length === 0 ? 'no TXT records' : `none of its ${texts.length} TXT records starts with "v=spf1"`);
    return {
      record: null,
      reason:
        texts.length === 0 ? `${domain} has no TXT records, so no SPF record` : `none of the ${texts.length} TXT records of ${domain} starts with "v=spf1"`,
    };
  }
  if (spf.length > 1) {
    note(`${spf.length} records start with "v=spf1"`);
    throw new SpfStop(
      'permerror',
      { kind: 'multiple-records', domain, count: spf.length },
      `${domain} publishes ${spf.length} SPF records; RFC 7208 §4.5 allows exactly one`,
    );
  }
  const text = spf[0]!;
  try {
    const record = parseRecord(text);
    note('SPF record found', text);
    return { record, reason: null };
  } catch (error) {
    if (!(error instanceof SpfSyntaxError)) throw error;
    note(`syntax error: ${error.message}`, text);
    throw new SpfStop('permerror', { kind: 'syntax', domain, detail: error.message }, `the SPF record of ${domain} has a syntax error: ${error.message}`);
  }
}

function lookupFailed(domain: string, lookup: FailedLookup): SpfStop {
  const detail = `the TXT lookup of ${domain} failed (${failureOf(lookup)})`;
  return new SpfStop('temperror', { kind: 'dns', domain, detail, lookup }, detail);
}
