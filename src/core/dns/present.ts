import type { DnsRecord } from './types.js';

/** A record in zone-file presentation form, as dig prints it. */
export function presentRecord(r: DnsRecord): string {
  return `${r.name}. ${r.ttl} IN ${r.type} ${presentData(r)}`;
}

export function presentData(r: DnsRecord): string {
  switch (r.type) {
    case 'TXT':
      return r.data.map((s) => JSON.stringify(s)).join(' ');
    case 'MX':
      return `${r.data.preference} ${r.data.exchange}.`;
    case 'SOA': {
      const d = r.data;
      return `${d.mname}. ${d.rname}. ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    }
    case 'A':
    case 'AAAA':
      return r.data;
    default:
      return `${r.data}.`;
  }
}
