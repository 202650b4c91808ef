import { recordsOf, type Resolver, type SoaData } from '../dns/types.js';
import { lookUp } from './lookup.js';

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
  const labels = name.split('.').filter((l) => l.length > 0);
  for (let start = 0; start < labels.length; start++) {
    const lookup = await lookUp(resolver, labels.slice(start).join('.'), 'SOA', signal);
    if (lookup.failed) return null;
    const soa = recordsOf(lookup.answer, 'SOA')[0] ?? lookup.answer.authority.find((r) => r.type === 'SOA');
    if (soa?.type !== 'SOA') continue;
    return { name: soa.name, soa: soa.data, ns: await nameServers(soa.name, resolver, signal) };
  }
  return null;
}

async function nameServers(zone: string, resolver: Resolver, signal?: AbortSignal): Promise<string[]> {
  const lookup = await lookUp(resolver, zone, 'NS', signal);
  return lookup.answer === null ? [] : recordsOf(lookup.answer, 'NS').map((r) => r.data);
}
