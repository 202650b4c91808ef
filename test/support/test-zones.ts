import type { MemoryRecord, MemoryZone } from '../../src/core/dns/memory.js';

/** The test DNS data of test/support/zones/README.md as a memory zone: the same cases BIND serves. */

function soa(mname: string): MemoryRecord {
  return { type: 'SOA', data: { mname, rname: 'hostmaster.example.com', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 60 } };
}

const ns = (name: string): MemoryRecord => ({ type: 'NS', data: name });
const a = (data: string): MemoryRecord => ({ type: 'A', data });
const aaaa = (data: string): MemoryRecord => ({ type: 'AAAA', data });
const ptr = (data: string): MemoryRecord => ({ type: 'PTR', data });
const cname = (data: string): MemoryRecord => ({ type: 'CNAME', data });
const mx = (preference: number, exchange: string): MemoryRecord => ({ type: 'MX', data: { preference, exchange } });
const txt = (data: string): MemoryRecord => ({ type: 'TXT', data });

const many: MemoryZone = {};
for (let i = 1; i <= 11; i++) many[`n${i}.many.example.com`] = i === 11 ? [a('203.0.113.31')] : [];

export const ZONES: MemoryZone = {
  '113.0.203.in-addr.arpa': [soa('ns.example.com'), ns('ns.example.com'), ns('ns2.example.com')],
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
  '8.b.d.0.1.0.0.2.ip6.arpa': [soa('ns.example.com'), ns('ns.example.com')],
  '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': [ptr('mail6.example.com')],
  'example.com': [
    soa('ns.example.com'),
    ns('ns.example.com'),
    mx(10, 'mail.example.com'),
    txt('v=spf1 ip4:203.0.113.24/29 ip6:2001:db8::/64 include:_spf.example.net -all'),
  ],
  'ns.example.com': [a('203.0.113.2')],
  'dkimpy-rsa._domainkey.example.com': [
    {
      type: 'TXT',
      data: [
        'v=DKIM1; k=rsa; h=sha256; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1AewM/eBYtUKm4DM/xQCg6W7nHkUYMNHIDaRYahidTmIzAue4/ehRwbGa1NZwJA74ISQk4xPIrDP0AbsiSlr5yHrmCn1izTjGeBO2IAMGN6bjpOXc/0B4S4ntDpj26wC',
        '8ZDQ7l3sEUJaAV/9E3Ph2hN4QH8Iswem2CfMZBiCZZRCt59dz3f+ygT8W0yTBQMtJo8tBcsqNB3ddQ7vks0vJrkDw0N5gp/9FwY7c4wSiYEDQDoBaoaSu7I+D4QfgxtbnTS8QlCl6YM7s/12bOITMZnoJhqMJOzkeL7cWKHKoR8pbseSKrOZZcAYouvFRnBFclhEhuCQ',
        'VhHeAq2JyHXiJwIDAQAB',
      ],
    },
  ],
  'dkimpy-ed._domainkey.example.com': [txt('v=DKIM1; k=ed25519; p=0+JP7Y24wcqApoppwAYaPj0OhjCPFcsEFhr8D3s/kXQ=')],
  'revoked._domainkey.example.com': [txt('v=DKIM1; p=')],
  'mail.example.com': [a('203.0.113.25')],
  'nofwd.example.com': [],
  'other.example.com': [a('203.0.113.99')],
  'a.multi.example.com': [],
  'b.multi.example.com': [a('203.0.113.28')],
  'alias.example.com': [cname('mail2.example.com')],
  'mail2.example.com': [a('203.0.113.29')],
  'mail6.example.com': [aaaa('2001:db8::25')],
  ...many,
  'mail.broken.example': 'SERVFAIL',
  'example.net': [soa('ns.example.net'), ns('ns.example.net'), mx(10, 'mx.example.net'), txt('v=spf1 mx a:mail.example.com ~all')],
  '_spf.example.net': [txt('v=spf1 ip4:198.51.100.0/24 ~all')],
  'mx.example.net': [a('203.0.113.40')],
  'example.org': [soa('ns.example.org'), ns('ns.example.org'), mx(10, 'mx-alias.example.org'), mx(20, '203.0.113.25')],
  'mx-alias.example.org': [cname('mail.example.com')],
  'nomx.example': [soa('ns.nomx.example'), a('203.0.113.50')],
  ...dmarcZone(),
};

/** dmarc.example and its two child zones: the DMARC tree-walk cases of zones/README.md. */
function dmarcZone(): MemoryZone {
  const host = a('203.0.113.60');
  const zone: MemoryZone = {
    'dmarc.example': [soa('ns.example.com'), ns('ns.example.com'), host],
    '_dmarc.dmarc.example': [txt('v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:agg@dmarc.example')],
    '_dmarc.own.dmarc.example': [txt('v=DMARC1; p=none')],
    '_dmarc.testing.dmarc.example': [txt('v=DMARC1; p=reject; t=y')],
    '_dmarc.dept.dmarc.example': [txt('v=DMARC1; p=quarantine; psd=n')],
    '_dmarc.psd.dmarc.example': [txt('v=DMARC1; p=reject; sp=none; psd=y')],
    '_dmarc.twice.dmarc.example': [txt('v=DMARC1; p=none'), txt('v=DMARC1; p=reject')],
    '_dmarc.old.dmarc.example': [txt('v=DMARC1; p=quarantine; pct=20; ri=86400; rf=afrf')],
    '_dmarc.split.dmarc.example': [{ type: 'TXT', data: ['v=DMARC1; ', 'p=reject'] }],
    '_dmarc.c.d.e.f.g.h.i.deep.dmarc.example': [txt('v=DMARC1; p=none; psd=n')],
    '_dmarc.i.deep.dmarc.example': [txt('v=DMARC1; p=quarantine; psd=n')],
    // mid.dmarc.example fails to load; its child zone ok.mid.dmarc.example loads.
    '_dmarc.mid.dmarc.example': 'SERVFAIL',
    'ok.mid.dmarc.example': [soa('ns.example.com'), ns('ns.example.com'), host],
  };
  for (const name of ['own', 'sub', 'testing', 'dept', 'mail.dept', 'www.shop.psd', 'twice', 'old', 'split', 'a.b.c.d.e.f.g.h.i.deep'])
    zone[`${name}.dmarc.example`] = [host];
  return zone;
}
