import { recordsOf, type Rcode, type Resolver } from '../dns/types.js';
import { normalizeIp } from '../net/ip.js';
import { lookUp } from './lookup.js';

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
export async function lookupAddresses(name: string, type: 'A' | 'AAAA', resolver: Resolver, signal?: AbortSignal): Promise<ForwardLookup> {
  const lookup = await lookUp(resolver, name, type, signal);
  if (lookup.answer === null) return { name, type, addresses: [], cnameChain: [], rcode: null, error: lookup.failed.error, transient: true };
  const { answer } = lookup;
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
    transient: lookup.failed !== null,
  };
}

/** The record type that maps a name to an address of the IP's family. */
export function addressTypeOf(ip: string): 'A' | 'AAAA' {
  return ip.includes(':') ? 'AAAA' : 'A';
}
