import type { AlignmentMode, DmarcRecord, DmarcRequest } from './types.js';

/** Longest record text read; real ones are well under 1 kB, a TXT answer is at most 64 kB. */
export const MAX_RECORD_LENGTH = 4096;

/** Tags RFC 9989 removed from RFC 7489's list (Appendix C): pct (replaced by t), rf, ri. */
const RETIRED = new Set(['pct', 'rf', 'ri']);
/** Most tags read from one record: the registry has eleven. */
const MAX_TAGS = 32;

const REQUESTS: readonly DmarcRequest[] = ['none', 'quarantine', 'reject'];

/**
 * RFC 9989 §4.7: a DMARC record starts with the v tag, exactly "DMARC1" (case-sensitive); any
 * other TXT at the name is not a DMARC record and is discarded (§4.10 step 2).
 */
export function isDmarcRecord(text: string): boolean {
  return /^[ \t]*v[ \t]*=[ \t]*DMARC1[ \t]*(;|$)/.test(text.slice(0, 64));
}

/**
 * Reads a record that isDmarcRecord accepted. Unknown tags are ignored and invalid values
 * replaced by defaults (§4.7); what was wrong is kept in `problems` for the advice.
 */
export function parseDmarcRecord(text: string): DmarcRecord {
  const tags = new Map<string, string>();
  const problems: string[] = [];
  const retiredTags: string[] = [];
  const specs = text
    .slice(0, MAX_RECORD_LENGTH)
    .split(';', MAX_TAGS + 1)
    .slice(1, MAX_TAGS + 1);
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim().toLowerCase();
    if (name === '') continue;
    if (eq < 0) {
      problems.push(`"${short(spec.trim())}" is not a tag=value pair`);
      continue;
    }
    if (RETIRED.has(name)) retiredTags.push(`${name}=${short(spec.slice(eq + 1).trim())}`);
    if (tags.has(name)) {
      problems.push(`${name}= appears twice; the first is used`);
      continue;
    }
    tags.set(name, spec.slice(eq + 1).trim());
  }

  const request = (tag: 'p' | 'sp' | 'np'): { value: DmarcRequest | null; invalid: boolean } => {
    const raw = tags.get(tag);
    if (raw === undefined) return { value: null, invalid: false };
    const value = REQUESTS.find((r) => r === raw.toLowerCase()) ?? null;
    if (value === null) problems.push(`${tag}=${short(raw)} is not none, quarantine or reject`);
    return { value, invalid: value === null };
  };
  const p = request('p');
  const sp = request('sp');
  const np = request('np');
  if (!tags.has('p')) problems.push('p= is missing');
  const rua = uris(tags.get('rua'), 'rua', problems);
  const ruf = uris(tags.get('ruf'), 'ruf', problems);
  const policyValid = p.value !== null && !sp.invalid && !np.invalid;
  return {
    text,
    p: p.value,
    sp: sp.value,
    np: np.value,
    adkim: mode(tags.get('adkim'), 'adkim', problems),
    aspf: mode(tags.get('aspf'), 'aspf', problems),
    psd: flag(tags.get('psd'), ['y', 'n', 'u'], 'u', 'psd', problems),
    testing: flag(tags.get('t'), ['y', 'n'], 'n', 't', problems) === 'y',
    rua,
    ruf,
    policyValid,
    usable: policyValid || rua.length > 0,
    retiredTags,
    problems,
  };
}

function mode(raw: string | undefined, tag: string, problems: string[]): AlignmentMode {
  return flag(raw, ['r', 's'], 'r', tag, problems) === 's' ? 'strict' : 'relaxed';
}

function flag<V extends string>(raw: string | undefined, allowed: readonly V[], fallback: V, tag: string, problems: string[]): V {
  if (raw === undefined) return fallback;
  const value = allowed.find((a) => a === raw.toLowerCase());
  if (value !== undefined) return value;
  problems.push(`${tag}=${short(raw)} is not one of ${allowed.join(', ')}; the default ${fallback} applies`);
  return fallback;
}

/** RFC 9989 §4.6: a comma-separated list of URIs; ones that do not parse are ignored. */
function uris(raw: string | undefined, tag: string, problems: string[]): string[] {
  if (raw === undefined) return [];
  const valid: string[] = [];
  for (const item of raw.split(',', 16)) {
    const uri = item.trim();
    if (uri !== '' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(uri) && URL.canParse(uri)) valid.push(uri);
    else problems.push(`${tag}= entry "${short(uri)}" is not a URI`);
  }
  return valid;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
