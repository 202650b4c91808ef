import { normalizeIp } from '../net/ip.js';
import { answerKind } from './answer-kind.js';
import { DnsError, recordsOf, type Rcode, type Resolver } from '../dns/types.js';

/** The A or AAAA lookup of one name, CNAMEs followed. */
export interface ForwardLookup {
  name: string;
  type: 'A' | 'AAAA';
  /** Addresses at the end of the CNAME chain, normalised (see normalizeIp). */
  addresses: string[];
  /** Targets of the CNAME records followed from `name`, in order; the last one holds the addresses. */
  cnameChain: string[];
  /** null when no answer arrived (see error). */
  rcode: Rcode | null;
  /** Why no answer arrived: timeout, HTTP error, … */
  error: string | null;
  /** The lookup says nothing about the name (no answer, or an rcode other than NOERROR/NXDOMAIN). */
  transient: boolean;
}

/** Never rejects for DNS trouble: a lookup that got no answer comes back with `transient` set. */
export async function lookupAddresses(
  name: string,
  type: 'A' | 'AAAA',
  resolver: Resolver,
  signal?: AbortSignal,
): Promise<ForwardLookup> {
  try {
    const answer = await resolver.query(name, type, { signal });
    const addresses = recordsOf(answer, type)
      .map((r) => normalizeIp(r.data))
      .filter((a): a is string => a !== null);
    return {
      name,
      type,
      addresses: [...new Set(addresses)],
      cnameChain: recordsOf(answer, 'CNAME').map((r) => r.data),
      rcode: answer.rcode,
      error: null,
      transient: answerKind(answer, type) === 'transient',
    };
  } catch (error) {
    if (!(error instanceof DnsError)) throw error;
    return { name, type, addresses: [], cnameChain: [], rcode: null, error: error.message, transient: true };
  }
}

/** "SERVFAIL" or the transport error, for sentences about a lookup that failed. */
export function failureOf(lookup: { rcode: Rcode | null; error: string | null }): string {
  return lookup.error ?? lookup.rcode ?? 'no answer';
}

/** The record type that maps a name to an address of the IP's family. */
export function addressTypeOf(ip: string): 'A' | 'AAAA' {
  return ip.includes(':') ? 'AAAA' : 'A';
}
