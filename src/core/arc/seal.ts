import { decodeBase64 } from '../dkim/base64.js';
import type { RawField } from '../dkim/message-parts.js';
import { ALGORITHMS, MAX_SIGNATURE_FIELD, isDomain } from '../dkim/signature.js';
import { parseTagList, preview } from '../dkim/tag-list.js';
import { displayText } from '../message/binary-string.js';
import type { ArcSealReason } from './types.js';

/** An ARC-Seal whose tags are all usable. */
export interface ArcSeal {
  algorithm: string;
  keyType: 'rsa' | 'ed25519';
  hash: 'sha256';
  signature: Uint8Array;
  domain: string;
  selector: string;
  /** A seal has no identity of its own; "@" + d=, for the key's t=s rule. */
  identity: string;
  /** The field as it arrived with the value of b= removed (RFC 8617 §5.1.1). */
  unsignedField: string;
}

export interface ParsedSeal {
  /** d=, s=, a= as written, for display. */
  facts: { domain: string | null; selector: string | null; algorithm: string | null };
  seal: ArcSeal | null;
  problem: { reason: ArcSealReason; text: string } | null;
}

const REQUIRED = ['i', 'cv', 'a', 'b', 'd', 's'] as const;

/** RFC 8617 §4.1.3: the tags of one ARC-Seal. */
export function parseSeal(field: RawField): ParsedSeal {
  const noFacts = { domain: null, selector: null, algorithm: null };
  const problem = (facts: ParsedSeal['facts'], reason: ArcSealReason, text: string): ParsedSeal => ({ facts, seal: null, problem: { reason, text } });
  if (field.raw.length > MAX_SIGNATURE_FIELD) {
    return problem(
      noFacts,
      'signature-too-large',
      `The ARC-Seal field is ${field.raw.length} bytes long, over the ${MAX_SIGNATURE_FIELD / 1024} kB Hoplens reads; real seals are under 1 kB, so its tags were not read.`,
    );
  }
  const list = parseTagList(field.raw.slice(field.valueStart, -2));
  if (list.tags === null) return problem(noFacts, 'signature-syntax', `The ARC-Seal field is not a valid tag list: ${list.error}.`);
  const tags = list.tags;
  const text = (name: string): string | null => {
    const tag = tags.get(name);
    return tag === undefined ? null : displayText(tag.value);
  };
  const facts = { domain: text('d'), selector: text('s'), algorithm: text('a') };
  const missing = REQUIRED.filter((name) => !tags.has(name));
  if (missing.length > 0) {
    return problem(
      facts,
      'missing-tag',
      `The ARC-Seal lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.map((n) => `${n}=`).join(', ')} (RFC 8617 §4.1.3).`,
    );
  }
  // §4.1.3: a seal signs the ARC sets, never a list of header fields.
  if (tags.has('h')) return problem(facts, 'seal-has-h', 'The ARC-Seal has an h= tag, which RFC 8617 §4.1.3 does not allow: the seal is invalid.');
  const domain = tags.get('d')!.value.toLowerCase();
  const selector = tags.get('s')!.value.toLowerCase();
  if (!isDomain(domain)) return problem(facts, 'domain-invalid', `d=${preview(facts.domain ?? '')} is not a domain name.`);
  if (!isDomain(selector)) return problem(facts, 'domain-invalid', `s=${preview(facts.selector ?? '')} is not a valid selector.`);
  const algorithm = tags.get('a')!.value.toLowerCase();
  const kind = ALGORITHMS[algorithm];
  if (kind === undefined || kind.hash !== 'sha256') {
    // RFC 8301 retired rsa-sha1 for DKIM, and ARC (RFC 8617 §4.1.3) signs as DKIM does.
    return problem(
      facts,
      kind ? 'rsa-sha1' : 'algorithm-unknown',
      kind
        ? 'The ARC-Seal uses rsa-sha1, which RFC 8301 §3.1 forbids verifiers to accept.'
        : `a=${preview(facts.algorithm ?? '')} is not a signing algorithm Hoplens knows (rsa-sha256 is the one ARC uses).`,
    );
  }
  const signature = decodeBase64(tags.get('b')!.value);
  if (signature === null || signature.length === 0) return problem(facts, 'signature-syntax', 'b= (the seal) is not valid base64.');
  const b = tags.get('b')!;
  return {
    facts,
    seal: {
      algorithm,
      keyType: kind.keyType,
      hash: 'sha256',
      signature,
      domain,
      selector,
      identity: `@${domain}`,
      unsignedField: field.raw.slice(0, field.valueStart + b.start) + field.raw.slice(field.valueStart + b.end),
    },
    problem: null,
  };
}
