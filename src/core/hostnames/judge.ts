import { normalizeIp } from '../net/ip.js';
import { privateSuffixOf } from './private-suffixes.js';
import { canonicalName } from './canonical.js';

export type HostnameProblem = 'address-literal' | 'bare-address' | 'single-label' | 'private-suffix' | 'syntax';

export interface HostnameVerdict {
  /** The name can live in public DNS: two or more valid labels under a public suffix. */
  ok: boolean;
  problem: HostnameProblem | null;
  /** One sentence on the problem, empty when ok. */
  explanation: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Whether a name given as a host's identity (a HELO name, a PTR target) is a public FQDN. */
export function judgeHostname(raw: string): HostnameVerdict {
  const name = canonicalName(raw);
  if (name.startsWith('[')) {
    return bad(
      'address-literal',
      `${raw} is an address literal: RFC 5321 §4.1.3 allows it, but many receivers score it as spam or refuse it, since it names no host`,
    );
  }
  const address = normalizeIp(name);
  if (address !== null) {
    const literal = address.includes(':') ? `[IPv6:${address}]` : `[${address}]`;
    return bad('bare-address', `${raw} is an IP address without brackets, which RFC 5321 §4.1.3 does not allow (a literal is written ${literal})`);
  }
  const labels = name.split('.');
  if (name.length === 0 || name.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return bad('syntax', `${raw} is not a valid host name (letters, digits and hyphens in dot-separated labels of at most 63 characters)`);
  }
  if (labels.length === 1) {
    return bad('single-label', `${raw} is a single label, not a fully qualified domain name: no receiver can look it up`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) {
    return bad('syntax', `${raw} ends in a numeric label, which no top-level domain is`);
  }
  const suffix = privateSuffixOf(name);
  if (suffix !== null) {
    return bad(
      'private-suffix',
      `${raw} ends in .${suffix}, a name that exists only inside a private network: public DNS can hold neither an A nor a PTR record for it`,
    );
  }
  return { ok: true, problem: null, explanation: '' };
}

function bad(problem: HostnameProblem, explanation: string): HostnameVerdict {
  return { ok: false, problem, explanation };
}
