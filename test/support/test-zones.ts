import type { MemoryRecord, MemoryZone } from '../../src/core/dns/memory.js';

/**
 * The test DNS data of test/support/zones/README.md, written once: unit tests query it as a memory
 * zone, and the integration and end-to-end tests query the same records through BIND, which
 * serves the zone files zone-files.ts writes from it. A name with an SOA is a zone's apex; a
 * name given as 'SERVFAIL' is in a zone that fails to load.
 */

function soa(): MemoryRecord {
  return { type: 'SOA', data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 } };
}

const ns = (name: string): MemoryRecord => ({ type: 'NS', data: name });
const a = (data: string): MemoryRecord => ({ type: 'A', data });
const aaaa = (data: string): MemoryRecord => ({ type: 'AAAA', data });
const ptr = (data: string): MemoryRecord => ({ type: 'PTR', data });
const cname = (data: string): MemoryRecord => ({ type: 'CNAME', data });
const mx = (preference: number, exchange: string): MemoryRecord => ({ type: 'MX', data: { preference, exchange } });
const txt = (data: string | string[]): MemoryRecord => ({ type: 'TXT', data });

/** Every zone's apex: its SOA (whose minimum, 60 s, is the negative-answer TTL) and ns.example.com. */
/** python3-dkim's RSA test key (test/fixtures/dkim/keys/rsa.dns). */
const DKIMPY_RSA = txt([
  'v=DKIM1; k=rsa; h=sha256; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1AewM/eBYtUKm4DM/xQCg6W7nHkUYMNHIDaRYahidTmIzAue4/ehRwbGa1NZwJA74ISQk4xPIrDP0AbsiSlr5yHrmCn1izTjGeBO2IAMGN6bjpOXc/0B4S4ntDpj26wC',
  '8ZDQ7l3sEUJaAV/9E3Ph2hN4QH8Iswem2CfMZBiCZZRCt59dz3f+ygT8W0yTBQMtJo8tBcsqNB3ddQ7vks0vJrkDw0N5gp/9FwY7c4wSiYEDQDoBaoaSu7I+D4QfgxtbnTS8QlCl6YM7s/12bOITMZnoJhqMJOzkeL7cWKHKoR8pbseSKrOZZcAYouvFRnBFclhEhuCQ',
  'VhHeAq2JyHXiJwIDAQAB',
]);
const apex = (...records: MemoryRecord[]): MemoryRecord[] => [soa(), ns('ns.example.com'), ...records];

/** example.org's eleven SPF includes, one over the limit of ten lookups (RFC 7208 §4.6.4), each to an existing record. */
const LOOKUPS = Array.from({ length: 11 }, (_, i) => `l${i + 1}.example.org`);

export const ZONES: MemoryZone = {
  // Reverse 203.0.113.0/24: one owner per iprev case (.30 has no PTR).
  '113.0.203.in-addr.arpa': apex(ns('ns2.example.com')),
  '25.113.0.203.in-addr.arpa': [ptr('mail.example.com')],
  '26.113.0.203.in-addr.arpa': [ptr('nofwd.example.com')],
  '27.113.0.203.in-addr.arpa': [ptr('other.example.com')],
  '28.113.0.203.in-addr.arpa': [ptr('a.multi.example.com'), ptr('b.multi.example.com')],
  '29.113.0.203.in-addr.arpa': [ptr('alias.example.com')],
  '31.113.0.203.in-addr.arpa': Array.from({ length: 11 }, (_, i) => ptr(`n${i + 1}.many.example.com`)),
  '32.113.0.203.in-addr.arpa': [ptr('mail.broken.example')],
  // The 198.51.100.0/24 reverse zone fails to load: every name in it meets SERVFAIL.
  '100.51.198.in-addr.arpa': 'SERVFAIL',
  '7.100.51.198.in-addr.arpa': 'SERVFAIL',
  '20.100.51.198.in-addr.arpa': 'SERVFAIL',
  // Reverse 2001:db8::/32: ::25 has a PTR, ::26 has none.
  '8.b.d.0.1.0.0.2.ip6.arpa': apex(),
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': [ptr('mail6.example.com')],
  // example.com: the sample's sending domain and most forward names of the reverse cases.
  'example.com': apex(mx(10, 'mail.example.com'), txt('v=spf1 ip4:203.0.113.24/29 ip6:2001:db8::/64 include:_spf.example.net -all')),
  'ns.example.com': [a('203.0.113.2')],
  // DKIM keys: the private halves are test/fixtures/dkim/keys/ (python3-dkim's dknewkey); test/integration/dkim.test.ts signs with dkimsign.
  'dkimpy-rsa._domainkey.example.com': [DKIMPY_RSA],
  // ARC sealers' keys (the same RSA key); test/integration/arc.test.ts seals with python3-dkim's arcsign.
  'arc._domainkey.example.org': [DKIMPY_RSA],
  'arc._domainkey.example.net': [DKIMPY_RSA],
  'dkimpy-ed._domainkey.example.com': [txt('v=DKIM1; k=ed25519; p=0+JP7Y24wcqApoppwAYaPj0OhjCPFcsEFhr8D3s/kXQ=')],
  // A revoked key: empty p= (RFC 6376 §3.6.1).
  'revoked._domainkey.example.com': [txt('v=DKIM1; p=')],
  'mail.example.com': [a('203.0.113.25')],
  // The PTR target exists (NODATA for A): it just has no address.
  'nofwd.example.com': [txt('this name has no address on purpose')],
  'other.example.com': [a('203.0.113.99')],
  // a.multi.example.com does not exist: only b.multi maps back.
  'b.multi.example.com': [a('203.0.113.28')],
  'alias.example.com': [cname('mail2.example.com')],
  'mail2.example.com': [a('203.0.113.29')],
  // Of the eleven PTR names of .31 only n11 exists, and iprev looks at ten.
  'n11.many.example.com': [a('203.0.113.31')],
  'mail6.example.com': [aaaa('2001:db8::25')],
  // broken.example fails to load: SERVFAIL for every name in it.
  'broken.example': 'SERVFAIL',
  'mail.broken.example': 'SERVFAIL',
  'sel._domainkey.broken.example': 'SERVFAIL',
  // example.net: an SPF include target and an MX-based SPF record.
  'example.net': apex(mx(10, 'mx.example.net'), txt('v=spf1 mx a:mail.example.com ~all')),
  '_spf.example.net': [txt('v=spf1 ip4:198.51.100.0/24 ~all')],
  'mx.example.net': [a('203.0.113.40')],
  // example.org: bad MX targets (a CNAME, an IP address) and an SPF record over the lookup limit,
  // in two character-strings that SPF joins with no space (RFC 7208 §3.3).
  'example.org': apex(
    mx(10, 'mx-alias.example.org'),
    mx(20, '203.0.113.25'),
    txt([
      `v=spf1 ${LOOKUPS.slice(0, 6)
        .map((n) => `include:${n} `)
        .join('')}`,
      `${LOOKUPS.slice(6)
        .map((n) => `include:${n}`)
        .join(' ')} -all`,
    ]),
  ),
  'mx-alias.example.org': [cname('mail.example.com')],
  ...Object.fromEntries(LOOKUPS.map((name) => [name, [txt('v=spf1 -all')]])),
  // nomx.example: an address only, no MX and no SPF.
  'nomx.example': apex(a('203.0.113.50')),
  ...dmarcZone(),
};

/** dmarc.example and its two child zones: the DMARC tree-walk cases of zones/README.md. */
function dmarcZone(): MemoryZone {
  const host = a('203.0.113.60');
  const zone: MemoryZone = {
    'dmarc.example': apex(host),
    '_dmarc.dmarc.example': [txt('v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:agg@dmarc.example')],
    '_dmarc.own.dmarc.example': [txt('v=DMARC1; p=none')],
    '_dmarc.testing.dmarc.example': [txt('v=DMARC1; p=reject; t=y')],
    '_dmarc.dept.dmarc.example': [txt('v=DMARC1; p=quarantine; psd=n')],
    '_dmarc.psd.dmarc.example': [txt('v=DMARC1; p=reject; sp=none; psd=y')],
    '_dmarc.twice.dmarc.example': [txt('v=DMARC1; p=none'), txt('v=DMARC1; p=reject')],
    '_dmarc.old.dmarc.example': [txt('v=DMARC1; p=quarantine; pct=20; ri=86400; rf=afrf')],
    '_dmarc.split.dmarc.example': [txt(['v=DMARC1; ', 'p=reject'])],
    // Twelve labels: the walk asks the name, then jumps to seven labels, so the record at ten labels is never asked.
    '_dmarc.c.d.e.f.g.h.i.deep.dmarc.example': [txt('v=DMARC1; p=none; psd=n')],
    '_dmarc.i.deep.dmarc.example': [txt('v=DMARC1; p=quarantine; psd=n')],
    // mid.dmarc.example fails to load; its child zone ok.mid.dmarc.example loads.
    'mid.dmarc.example': 'SERVFAIL',
    '_dmarc.mid.dmarc.example': 'SERVFAIL',
    'ok.mid.dmarc.example': apex(host),
  };
  for (const name of ['own', 'sub', 'testing', 'dept', 'mail.dept', 'www.shop.psd', 'twice', 'old', 'split', 'a.b.c.d.e.f.g.h.i.deep'])
    zone[`${name}.dmarc.example`] = [host];
  return zone;
}
