import type { ArcChain, ArcSet, ArcSignatureField, AuthResultsHeader } from './types.js';

/** RFC 8617 §4.2.1: instances run from 1 to at most 50. */
export const MAX_ARC_INSTANCE = 50;

interface RawArcField {
  kind: 'seal' | 'signature' | 'results';
  instance: number | null;
  field: ArcSignatureField;
  cv: string | null;
  results: AuthResultsHeader | null;
}

const READ_TAGS = new Set(['i', 'cv', 'd', 's', 'a']);

/** i=, cv=, d=, s=, a= of an ARC-Seal or ARC-Message-Signature value, read once. */
function tagsOf(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const spec of value.slice(0, 8192).split(';', 64)) {
    const eq = spec.indexOf('=');
    if (eq < 0) continue;
    const name = spec.slice(0, eq).trim().toLowerCase();
    if (READ_TAGS.has(name) && !tags.has(name)) tags.set(name, spec.slice(eq + 1).trim());
  }
  return tags;
}

export function arcFieldOf(kind: 'seal' | 'signature', value: string, fieldIndex: number): RawArcField {
  const tags = tagsOf(value);
  const i = tags.get('i');
  return {
    kind,
    instance: i !== undefined && /^\d{1,9}$/.test(i) ? Number(i) : null,
    field: { domain: tags.get('d')?.toLowerCase() ?? null, selector: tags.get('s') ?? null, algorithm: tags.get('a') ?? null, fieldIndex },
    cv: tags.get('cv')?.toLowerCase() ?? null,
    results: null,
  };
}

/** The ARC sets of a message from its ARC fields, and whether their structure holds. */
export function arcChain(fields: readonly RawArcField[], results: readonly AuthResultsHeader[]): ArcChain {
  const all: RawArcField[] = [
    ...fields,
    ...results
      .filter((r) => r.source === 'ARC-Authentication-Results')
      .map((r) => ({
        kind: 'results' as const,
        instance: r.instance,
        field: { domain: null, selector: null, algorithm: null, fieldIndex: r.fieldIndex },
        cv: null,
        results: r,
      })),
  ];
  if (all.length === 0) return { sets: [], structure: 'none', problem: null };
  const problems: string[] = [];
  const byInstance = new Map<number, RawArcField[]>();
  for (const f of all) {
    if (f.instance === null || f.instance < 1 || f.instance > MAX_ARC_INSTANCE) {
      problems.push(`an ARC field has no valid instance (i= from 1 to ${MAX_ARC_INSTANCE})`);
      continue;
    }
    const members = byInstance.get(f.instance);
    if (members) members.push(f);
    else byInstance.set(f.instance, [f]);
  }
  const highest = Math.max(0, ...byInstance.keys());
  const sets: ArcSet[] = [];
  for (let i = 1; i <= highest; i++) {
    const members = byInstance.get(i) ?? [];
    const one = (kind: RawArcField['kind']) => {
      const found = members.filter((m) => m.kind === kind);
      if (found.length !== 1)
        problems.push(
          `instance ${i} has ${found.length} ${kind === 'seal' ? 'ARC-Seal' : kind === 'signature' ? 'ARC-Message-Signature' : 'ARC-Authentication-Results'} fields, not one`,
        );
      return found[0] ?? null;
    };
    const seal = one('seal');
    const signature = one('signature');
    const aar = one('results');
    const cv = seal?.cv ?? null;
    if (cv === 'fail') problems.push(`instance ${i} says cv=fail: an intermediary found the chain broken`);
    else if (seal && cv !== (i === 1 ? 'none' : 'pass'))
      problems.push(`instance ${i} says cv=${cv ?? '(missing)'}, where RFC 8617 §5.1.1 needs cv=${i === 1 ? 'none' : 'pass'}`);
    sets.push({ instance: i, cv, seal: seal?.field ?? null, messageSignature: signature?.field ?? null, authResults: aar?.results ?? null });
  }
  const unique = [...new Set(problems)];
  return { sets, structure: unique.length === 0 ? 'intact' : 'broken', problem: unique.length === 0 ? null : unique.slice(0, 5).join('; ') };
}
