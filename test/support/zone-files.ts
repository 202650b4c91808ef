import type { MemoryZone } from '../../src/core/dns/memory.js';
import { presentRecord } from '../../src/core/dns/present.js';
import type { DnsRecord } from '../../src/core/dns/types.js';

const TTL = 300;

/**
 * The BIND zone files of a memory zone, by zone name ("." for the root): the zone of each name is
 * the nearest apex (a name with an SOA) at or above it. A zone given as 'SERVFAIL' gets a file
 * BIND refuses to load, so that every name in it meets SERVFAIL, as the memory zone answers. A
 * root zone is added, so that names outside the test zones are NXDOMAIN rather than REFUSED.
 * Throws on what BIND cannot serve as the memory zone does: an empty name, a timeout, a record
 * outside every zone.
 */
export function zoneFiles(zones: MemoryZone): Map<string, string> {
  const under = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);
  const failing = Object.keys(zones).filter((name) => zones[name] === 'SERVFAIL');
  const apexes = [
    ...Object.keys(zones).filter((name) => {
      const records = zones[name];
      return Array.isArray(records) && records.some((r) => r.type === 'SOA');
    }),
    // A failing name outside every failing zone is the apex of one; those inside it fail with it.
    ...failing.filter((name) => !failing.some((other) => other !== name && under(name, other))),
  ];
  const files = new Map<string, string[]>(apexes.map((name) => [name, [`$TTL ${TTL}`]]));
  const zoneOf = (name: string) => apexes.filter((z) => under(name, z)).sort((x, y) => y.length - x.length)[0];
  for (const [name, records] of Object.entries(zones)) {
    const zone = zoneOf(name);
    if (zone === undefined) throw new Error(`${name} is in no test zone: give its zone an apex with an SOA`);
    const lines = files.get(zone)!;
    if (records === 'TIMEOUT') throw new Error(`${name}: BIND cannot be made to time out for one name`);
    if (records === 'SERVFAIL') {
      if (zone !== name && zones[zone] !== 'SERVFAIL') throw new Error(`${name}: BIND cannot fail one name of a zone that loads`);
      if (zone !== name) continue;
      // An address no zone file may hold: BIND refuses the zone and answers SERVFAIL.
      lines.push(
        `${name}. IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 60`,
        `${name}. IN NS ns.example.com.`,
        `${name}. IN A 203.0.113.999`,
      );
      continue;
    }
    if (records.length === 0) throw new Error(`${name} has no records: a zone file cannot hold an empty name; give it one, or leave it out (NXDOMAIN)`);
    for (const r of records) {
      const data = r.type === 'TXT' && typeof r.data === 'string' ? [r.data] : r.data;
      lines.push(presentRecord({ ...r, name, ttl: r.ttl ?? TTL, data } as DnsRecord));
    }
  }
  const glue = zones['ns.example.com'];
  const root = [`$TTL ${TTL}`, '. IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 60', '. IN NS ns.example.com.'];
  for (const r of Array.isArray(glue) ? glue : []) root.push(presentRecord({ ...r, name: 'ns.example.com', ttl: r.ttl ?? TTL } as DnsRecord));
  return new Map([['.', root], ...files].map(([zone, lines]) => [zone as string, `${(lines as string[]).join('\n')}\n`]));
}
