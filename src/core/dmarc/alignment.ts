import type { AlignmentMode, OrgDomain } from './types.js';

/**
 * RFC 9989 §3.2.3: strict alignment is the same name (case-insensitive, RFC 4343); relaxed is
 * the same Organizational Domain. Identical names align in both modes without a walk
 * (§4.10.2's note); names without a common last label never share an Organizational Domain,
 * which is a suffix of each. Unknown when an Organizational Domain could not be found.
 */
export function alignmentOf(
  identifier: string,
  author: string,
  mode: AlignmentMode,
  orgs: { identifier: OrgDomain; author: OrgDomain } | null,
): 'yes' | 'no' | 'unknown' {
  if (identifier === author) return 'yes';
  if (mode === 'strict' || !shareALabel(identifier, author)) return 'no';
  if (orgs === null) return 'unknown';
  if (orgs.identifier.domain === null || orgs.author.domain === null) return 'unknown';
  return orgs.identifier.domain === orgs.author.domain ? 'yes' : 'no';
}

function shareALabel(a: string, b: string): boolean {
  return a.slice(a.lastIndexOf('.') + 1) === b.slice(b.lastIndexOf('.') + 1);
}
