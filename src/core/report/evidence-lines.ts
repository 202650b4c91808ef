import type { Evidence } from '../dns/evidence.js';
import { type Phrase, phrase } from '../text/phrase.js';

/**
 * One DNS question a check asked and what came back, as every renderer shows it (Markdown, HTML,
 * the CLI and the pages): each only formats this, so they agree on what a piece of evidence says.
 * `name`, `error` and the records come from DNS or a header: render them inert.
 */
export interface EvidenceEntry {
  /** The name asked, a host name. */
  readonly name: string;
  readonly type: string;
  /** DNS's own word (NOERROR, NXDOMAIN…), or why no answer came. */
  readonly outcome: { readonly kind: 'rcode'; readonly rcode: string } | { readonly kind: 'no-answer'; readonly phrase: Phrase };
  /** Records in presentation form ("name TTL IN TYPE data"), in the answer's order. */
  readonly records: readonly string[];
  /** Said when an answer came with no records (an empty NOERROR, or an NXDOMAIN without SOA). */
  readonly empty: Phrase | null;
  /** Where the answer came from: the resolver, then "from cache" or its time, then DNSSEC. */
  readonly source: readonly Phrase[];
}

/** The heading over a check's evidence. */
export function evidenceTitle(count: number): Phrase {
  return phrase('evidenceTitle', `DNS evidence (${count})`, [count]);
}

export function evidenceEntry(e: Evidence): EvidenceEntry {
  const source = [
    phrase('evidenceResolver', `resolver ${e.resolver}`, [e.resolver]),
    e.fromCache ? phrase('evidenceCached', 'from cache') : phrase('evidenceElapsed', `${e.elapsedMs} ms`, [e.elapsedMs]),
  ];
  if (e.authenticated) source.push(phrase('evidenceDnssec', 'DNSSEC validated'));
  const error = e.error ?? 'unknown error';
  return {
    name: e.question.name,
    type: e.question.type,
    outcome: e.rcode !== null ? { kind: 'rcode', rcode: e.rcode } : { kind: 'no-answer', phrase: phrase('evidenceNoAnswer', `no answer: ${error}`, [error]) },
    records: e.records,
    empty: emptyOf(e),
    source,
  };
}

/**
 * What to say when the answer holds no record of the type asked. A NOERROR answer with none is
 * "no data" (RFC 2308 §2.2): the SOA that comes with it is the zone's, from the authority
 * section, and must not read like the answer.
 */
function emptyOf(e: Evidence): Phrase | null {
  if (e.rcode === null) return null;
  const type = e.question.type;
  if (e.rcode === 'NOERROR' && !e.records.some((r) => recordType(r) === type)) return phrase('evidenceNoData', `no ${type} record (NOERROR, no data)`, [type]);
  return e.records.length === 0 ? phrase('evidenceNoRecords', 'No records in the answer.') : null;
}

/** The type of a record in presentation form ("name TTL IN TYPE data"). */
function recordType(record: string): string | undefined {
  return record.split(/\s+/)[3];
}

/**
 * The entry as plain text lines, as dig would comment them: Markdown's code block, the HTML
 * export's <pre> and the CLI print these (each escaping for its medium).
 */
export function evidenceText(entry: EvidenceEntry): string[] {
  const outcome = entry.outcome.kind === 'rcode' ? entry.outcome.rcode : entry.outcome.phrase.text;
  const head = `; ${entry.name} ${entry.type} → ${outcome} (${entry.source.map((p) => p.text).join(', ')})`;
  // What the answer lacks comes before the authority SOA that came with it.
  return [head, ...(entry.empty ? [`; ${entry.empty.text}`] : []), ...entry.records];
}
