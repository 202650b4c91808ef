import { answerKind } from './answer-kind.js';
import { DnsError, recordsOf, type Resolver, type SoaData } from '../dns/types.js';

/** The zone that holds a name, and the servers that answer for it: whom to ask for a change. */
export interface ZoneOwner {
  /** Zone apex, "" for the root. */
  name: string;
  soa: SoaData;
  /** Names of the zone's NS records; empty when the NS lookup failed. */
  ns: string[];
}

/**
 * Finds the zone a name lives in, as `dig +trace` would show: ask for the name's SOA. A
 * resolver names the zone in one answer (the SOA itself at an apex, or in the authority
 * section of the negative answer); when the authority section is missing, walk up one label
 * at a time. Null when a lookup fails, since a wrong owner is worse than none.
 */
export async function findZoneOwner(name: string, resolver: Resolver, signal?: AbortSignal): Promise<ZoneOwner | null> {
  try {
    const labels = name.split('.').filter((l) => l.length > 0);
    for (let start = 0; start < labels.length; start++) {
      const candidate = labels.slice(start).join('.');
      const answer = await resolver.query(candidate, 'SOA', { signal });
      if (answerKind(answer, 'SOA') === 'transient') return null;
      const soa = recordsOf(answer, 'SOA')[0] ?? answer.authority.find((r) => r.type === 'SOA');
      if (soa?.type !== 'SOA') continue;
      return { name: soa.name, soa: soa.data, ns: await nameServers(soa.name, resolver, signal) };
    }
    return null;
  } catch (error) {
    if (error instanceof DnsError) return null;
    throw error;
  }
}

async function nameServers(zone: string, resolver: Resolver, signal?: AbortSignal): Promise<string[]> {
  try {
    return recordsOf(await resolver.query(zone, 'NS', { signal }), 'NS').map((r) => r.data);
  } catch (error) {
    if (error instanceof DnsError) return [];
    throw error;
  }
}
