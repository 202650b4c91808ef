import { describe, expect, it } from 'vitest';
import { checkIprev, MAX_PTR_NAMES } from '../../../src/core/checks/iprev/evaluate.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { ZONES } from '../../support/test-zones.js';
import { tracingResolver } from './resolvers.js';

const resolver = memoryResolver(ZONES);

describe('checkIprev (RFC 8601 §3)', () => {
  it('passes when the PTR name maps back', async () => {
    const e = await checkIprev('203.0.113.25', resolver);
    expect(e.result).toBe('pass');
    expect(e.ptrNames).toEqual(['mail.example.com']);
    expect(e.matchedName).toBe('mail.example.com');
    expect(e.forward).toEqual([
      { name: 'mail.example.com', type: 'A', addresses: ['203.0.113.25'], cnameChain: [], rcode: 'NOERROR', error: null, transient: false },
    ]);
    expect(e.reverseName).toBe('25.113.0.203.in-addr.arpa');
  });

  it('names the reverse zone, its SOA and its servers', async () => {
    const e = await checkIprev('203.0.113.25', resolver);
    expect(e.reverseZone?.name).toBe('113.0.203.in-addr.arpa');
    expect(e.reverseZone?.soa.mname).toBe('ns.example.com');
    expect(e.reverseZone?.ns).toEqual(['ns.example.com', 'ns2.example.com']);
  });

  it('fails when the PTR name has no A record', async () => {
    const e = await checkIprev('203.0.113.26', resolver);
    expect(e.result).toBe('fail');
    expect(e.forward[0]).toMatchObject({ name: 'nofwd.example.com', addresses: [], rcode: 'NOERROR' });
    expect(e.matchedName).toBeNull();
  });

  it('fails when the PTR name points elsewhere', async () => {
    const e = await checkIprev('203.0.113.27', resolver);
    expect(e.result).toBe('fail');
    expect(e.forward[0]?.addresses).toEqual(['203.0.113.99']);
    expect(e.reason).toContain('other.example.com → 203.0.113.99');
  });

  it('passes when one of several PTR names maps back', async () => {
    const e = await checkIprev('203.0.113.28', resolver);
    expect(e.result).toBe('pass');
    expect(e.ptrNames).toEqual(['a.multi.example.com', 'b.multi.example.com']);
    expect(e.namesChecked).toEqual(e.ptrNames);
    expect(e.matchedName).toBe('b.multi.example.com');
  });

  it('follows a CNAME to the address', async () => {
    const e = await checkIprev('203.0.113.29', resolver);
    expect(e.result).toBe('pass');
    expect(e.matchedName).toBe('alias.example.com');
    expect(e.forward[0]?.cnameChain).toEqual(['mail2.example.com']);
  });

  it('is permerror without a PTR (NXDOMAIN), and still finds the zone to ask', async () => {
    const e = await checkIprev('203.0.113.30', resolver);
    expect(e.result).toBe('permerror');
    expect(e.ptrLookup.rcode).toBe('NXDOMAIN');
    expect(e.ptrNames).toEqual([]);
    expect(e.reverseZone?.name).toBe('113.0.203.in-addr.arpa');
  });

  it('is permerror when the reverse name exists without a PTR (NODATA)', async () => {
    const r = memoryResolver({ ...ZONES, '30.113.0.203.in-addr.arpa': [{ type: 'TXT', data: 'no ptr here' }] });
    const e = await checkIprev('203.0.113.30', r);
    expect(e.result).toBe('permerror');
    expect(e.ptrLookup.rcode).toBe('NOERROR');
  });

  it('tries at most 10 names and says which were left out', async () => {
    const e = await checkIprev('203.0.113.31', resolver);
    expect(MAX_PTR_NAMES).toBe(10);
    expect(e.result).toBe('fail');
    expect(e.ptrNames).toHaveLength(11);
    expect(e.namesChecked).toHaveLength(10);
    expect(e.namesLeftOut).toEqual(['n11.many.example.com']);
    expect(e.forward.map((f) => f.name)).not.toContain('n11.many.example.com');
    expect(e.reason).toContain('1 more left out');
  });

  it('honours a smaller cap', async () => {
    const e = await checkIprev('203.0.113.28', resolver, { maxNames: 1 });
    expect(e.result).toBe('fail');
    expect(e.namesLeftOut).toEqual(['b.multi.example.com']);
  });

  it('is temperror when the forward lookup meets SERVFAIL', async () => {
    const e = await checkIprev('203.0.113.32', resolver);
    expect(e.result).toBe('temperror');
    expect(e.forward[0]).toMatchObject({ name: 'mail.broken.example', rcode: 'SERVFAIL', transient: true });
  });

  it('is temperror when the PTR lookup meets SERVFAIL, and names no zone', async () => {
    const e = await checkIprev('198.51.100.7', resolver);
    expect(e.result).toBe('temperror');
    expect(e.ptrLookup.rcode).toBe('SERVFAIL');
    expect(e.reverseZone).toBeNull();
  });

  it('is temperror when the PTR lookup times out', async () => {
    const r = memoryResolver({ ...ZONES, '33.113.0.203.in-addr.arpa': 'TIMEOUT' });
    const e = await checkIprev('203.0.113.33', r);
    expect(e.result).toBe('temperror');
    expect(e.ptrLookup.error).toContain('no answer');
  });

  it('is temperror when a name that could have matched times out, pass when another name matched', async () => {
    const r = memoryResolver({ ...ZONES, 'a.multi.example.com': 'TIMEOUT' });
    expect((await checkIprev('203.0.113.28', r)).result).toBe('pass');
    const r2 = memoryResolver({ ...ZONES, 'b.multi.example.com': 'TIMEOUT' });
    const e = await checkIprev('203.0.113.28', r2);
    expect(e.result).toBe('temperror');
    expect(e.reason).toContain('b.multi.example.com');
  });

  it('checks IPv6 with AAAA and normalises the address', async () => {
    const e = await checkIprev('2001:DB8:0:0::25', resolver);
    expect(e.result).toBe('pass');
    expect(e.ip).toBe('2001:db8::25');
    expect(e.forward[0]?.type).toBe('AAAA');
    expect(e.reverseZone?.name).toBe('8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it('is permerror for an IPv6 address without PTR', async () => {
    expect((await checkIprev('2001:db8::26', resolver)).result).toBe('permerror');
  });

  it('refuses text that is not an address', async () => {
    await expect(checkIprev('mail.example.com', resolver)).rejects.toThrow(TypeError);
  });

  it('looks up the addresses of several PTR names concurrently', async () => {
    const r = tracingResolver(memoryResolver(ZONES, { latencyMs: 2 }));
    await checkIprev('203.0.113.31', r);
    expect(r.maxInFlight.get('A')).toBe(10);
  });

  it('looks for the reverse zone beside the PTR and forward lookups, not before them', async () => {
    const r = tracingResolver(memoryResolver(ZONES, { latencyMs: 2 }));
    await checkIprev('203.0.113.25', r);
    const at = (event: string) => r.events.indexOf(event);
    expect(at('start 25.113.0.203.in-addr.arpa SOA')).toBeLessThan(at('end 25.113.0.203.in-addr.arpa PTR'));
    expect(at('start mail.example.com A')).toBeLessThan(at('start 113.0.203.in-addr.arpa NS'));
  });
});
