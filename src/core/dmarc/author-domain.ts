import { canonicalName } from '../hostnames/canonical.js';
import type { HeaderField } from '../message/types.js';

export type AuthorDomain =
  | { domain: string; problem: null }
  | { domain: string | null; problem: 'no-author-domain' | 'multiple-author-domains' | 'invalid-author-domain'; detail: string };

/** From: values read; a real message has one, and a list of mailboxes is short. */
const MAX_FROM_FIELD = 4096;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/** RFC 1035's 253 octets, less the "_dmarc." the lookups put in front. */
const MAX_DOMAIN = 253 - '_dmarc.'.length;

/**
 * RFC 9989 §5.3.1: the Author Domain is the domain of the RFC5322.From address; zero or more
 * than one domain (several From fields, or mailboxes of different domains in one) leaves
 * nothing to validate. A U-label domain is turned into its A-label (RFC 5890 §2.3).
 */
export function authorDomainOf(headers: readonly HeaderField[], from: string | null): AuthorDomain {
  const fields = headers.filter((h) => h.name.toLowerCase() === 'from');
  if (fields.length > 1) return { domain: null, problem: 'multiple-author-domains', detail: `the message has ${fields.length} From: fields` };
  const domains = new Set(domainsIn(fields[0]?.value ?? ''));
  if (domains.size > 1) return { domain: null, problem: 'multiple-author-domains', detail: `its From: field names mailboxes in ${domains.size} domains` };
  const raw = [...domains][0] ?? (from === null ? null : from.slice(from.lastIndexOf('@') + 1));
  if (raw === null || raw === '') return { domain: null, problem: 'no-author-domain', detail: 'the message has no From: address' };
  const domain = dmarcDomain(raw);
  if (domain === null) return { domain: raw, problem: 'invalid-author-domain', detail: 'the From: domain is not a valid domain name' };
  return { domain, problem: null };
}

/** Domains after each "@" outside quoted strings and comments, in one pass. */
function domainsIn(value: string): string[] {
  const text = value.slice(0, MAX_FROM_FIELD);
  const domains: string[] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (quoted) quoted = c !== '"';
    else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '@' && depth === 0) {
      const end = text.slice(i + 1).search(/[\s>,;()]/);
      const domain = canonicalName(end < 0 ? text.slice(i + 1) : text.slice(i + 1, i + 1 + end));
      if (domain !== '') domains.push(domain);
    }
  }
  return domains;
}

/** The domain as DMARC asks DNS about it (A-labels, lower case), or null when it is not a valid domain name. */
export function dmarcDomain(raw: string): string | null {
  const domain = canonicalName(raw);
  let ascii = domain;
  if (/[^ -~]/.test(domain)) {
    if (!URL.canParse(`http://${domain}/`)) return null;
    ascii = new URL(`http://${domain}/`).hostname;
  }
  if (ascii.length > MAX_DOMAIN || !ascii.includes('.')) return null;
  return ascii.split('.').every((label) => LABEL.test(label)) ? ascii : null;
}
