import { describe, expect, it } from 'vitest';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { checkDmarc, startDmarc, walkTargets, type IdentifierInput } from '../../../src/core/dmarc/index.js';
import { authorDomainOf } from '../../../src/core/dmarc/author-domain.js';

const txt = (data: string) => [{ type: 'TXT' as const, data }];
const A = [{ type: 'A' as const, data: '192.0.2.1' }];

describe('DNS Tree Walk targets (RFC 9989 §4.10)', () => {
  it('walks one label at a time from the start to the TLD', () => {
    expect(walkTargets('a.mail.example.com')).toEqual(['a.mail.example.com', 'mail.example.com', 'example.com', 'com']);
    expect(walkTargets('com')).toEqual(['com']);
  });

  it("a name of eight or more labels jumps to seven after the first query: at most eight (the RFC's example)", () => {
    expect(walkTargets('a.b.c.d.e.f.g.h.i.j.mail.example.com')).toEqual([
      'a.b.c.d.e.f.g.h.i.j.mail.example.com',
      'g.h.i.j.mail.example.com',
      'h.i.j.mail.example.com',
      'i.j.mail.example.com',
      'j.mail.example.com',
      'mail.example.com',
      'example.com',
      'com',
    ]);
    expect(walkTargets('a.b.c.d.e.f.g.example.com')).toHaveLength(8);
    expect(walkTargets(`${'x.'.repeat(100)}example.com`)).toHaveLength(8);
  });
});

async function discover(zone: MemoryZone, domain: string) {
  const resolver = memoryResolver(zone);
  const out = await checkDmarc(domain, resolver);
  return { ...out, queries: resolver.queries };
}

describe('policy discovery and the Organizational Domain (RFC 9989 §4.10.1, §4.10.2)', () => {
  it('a record at the Author Domain applies with p=', async () => {
    const out = await discover({ '_dmarc.example.com': txt('v=DMARC1; p=reject'), 'example.com': A }, 'example.com');
    expect(out.discovery).toMatchObject({
      outcome: 'found',
      source: 'author-domain',
      recordDomain: 'example.com',
      orgDomain: { domain: 'example.com', rule: 'fewest-labels' },
    });
    expect(out.policy).toEqual({ tag: 'p', requested: 'reject', testing: false, effective: 'reject' });
  });

  it("a subdomain inherits the Organizational Domain's sp=", async () => {
    const zone = { '_dmarc.example.com': txt('v=DMARC1; p=reject; sp=quarantine'), 'news.example.com': A };
    const out = await discover(zone, 'news.example.com');
    expect(out.discovery).toMatchObject({ outcome: 'found', source: 'organizational-domain', recordDomain: 'example.com', existence: 'not-asked' });
    expect(out.policy).toMatchObject({ tag: 'sp', effective: 'quarantine' });
  });

  it('np= applies to a subdomain that does not exist (no A, AAAA, MX), sp= to one that does', async () => {
    const zone = { '_dmarc.example.com': txt('v=DMARC1; p=none; sp=quarantine; np=reject'), 'real.example.com': A };
    expect((await discover(zone, 'ghost.example.com')).policy).toMatchObject({ tag: 'np', effective: 'reject' });
    expect((await discover(zone, 'ghost.example.com')).discovery?.existence).toBe('does-not-exist');
    expect((await discover(zone, 'real.example.com')).policy).toMatchObject({ tag: 'sp', effective: 'quarantine' });
  });

  it('t=y applies one level less: reject becomes quarantine, quarantine becomes none', async () => {
    expect((await discover({ '_dmarc.example.com': txt('v=DMARC1; p=reject; t=y') }, 'example.com')).policy).toEqual({
      tag: 'p',
      requested: 'reject',
      testing: true,
      effective: 'quarantine',
    });
    expect((await discover({ '_dmarc.example.com': txt('v=DMARC1; p=quarantine; t=y') }, 'example.com')).policy?.effective).toBe('none');
  });

  it('psd=y at the TLD: the Organizational Domain is one label below it, and the PSD policy applies', async () => {
    const out = await discover({ '_dmarc.example': txt('v=DMARC1; p=reject; psd=y') }, 'a.mail.shop.example');
    expect(out.discovery).toMatchObject({ outcome: 'found', source: 'public-suffix-domain', recordDomain: 'example', walk: { stop: 'psd' } });
    expect(out.discovery?.orgDomain).toEqual({ domain: 'shop.example', rule: 'below-psd-y' });
  });

  it('psd=n stops the walk and makes that name the Organizational Domain, even under a higher record', async () => {
    const zone = { '_dmarc.dept.example.com': txt('v=DMARC1; p=quarantine; psd=n'), '_dmarc.example.com': txt('v=DMARC1; p=reject') };
    const out = await discover(zone, 'mail.dept.example.com');
    expect(out.discovery).toMatchObject({
      source: 'organizational-domain',
      recordDomain: 'dept.example.com',
      orgDomain: { domain: 'dept.example.com', rule: 'psd-n' },
    });
    expect(out.discovery?.walk.steps.map((s) => s.domain)).toEqual(['mail.dept.example.com', 'dept.example.com']);
  });

  it('without psd, the record with the fewest labels is the Organizational Domain (the RFC example)', async () => {
    const zone = { '_dmarc.mail.example.com': txt('v=DMARC1; p=none'), '_dmarc.example.com': txt('v=DMARC1; p=reject') };
    const out = await discover(zone, 'a.mail.example.com');
    expect(out.discovery?.orgDomain).toEqual({ domain: 'example.com', rule: 'fewest-labels' });
    expect(out.discovery?.recordDomain).toBe('example.com');
  });

  it('no record anywhere: none, and the Author Domain is its own Organizational Domain', async () => {
    const out = await discover({}, 'news.example.com');
    expect(out.discovery).toMatchObject({ outcome: 'none', record: null, orgDomain: { domain: 'news.example.com', rule: 'no-record' } });
  });

  it('two DMARC records at a name are both discarded and the walk goes on; other TXT records are ignored', async () => {
    const zone = {
      '_dmarc.news.example.com': [...txt('v=DMARC1; p=none'), ...txt('v=DMARC1; p=reject')],
      '_dmarc.example.com': [...txt('some verification token'), ...txt('v=DMARC1; p=quarantine')],
    };
    const out = await discover(zone, 'news.example.com');
    expect(out.discovery?.walk.steps[0]).toMatchObject({ outcome: 'multiple', count: 2 });
    expect(out.discovery).toMatchObject({ outcome: 'found', recordDomain: 'example.com' });
  });

  it('SERVFAIL at the Author Domain is temperror; SERVFAIL on the way up is temperror unless a psd record stopped the walk first', async () => {
    expect((await discover({ '_dmarc.example.com': 'SERVFAIL' }, 'example.com')).discovery).toMatchObject({
      outcome: 'temperror',
      failed: { name: '_dmarc.example.com', rcode: 'SERVFAIL' },
    });
    expect(
      (await discover({ '_dmarc.mail.example.com': 'SERVFAIL', '_dmarc.example.com': txt('v=DMARC1; p=reject') }, 'a.mail.example.com')).discovery?.outcome,
    ).toBe('temperror');
    const stopped = await discover(
      { '_dmarc.mail.example.com': txt('v=DMARC1; p=reject; psd=n'), _dmarc: 'SERVFAIL', '_dmarc.com': 'SERVFAIL' },
      'a.mail.example.com',
    );
    expect(stopped.discovery).toMatchObject({ outcome: 'found', recordDomain: 'mail.example.com' });
  });

  it('a record at the Author Domain applies even when a lookup above it fails', async () => {
    const out = await discover({ '_dmarc.news.example.com': txt('v=DMARC1; p=reject'), '_dmarc.example.com': 'SERVFAIL' }, 'news.example.com');
    expect(out.discovery).toMatchObject({ outcome: 'found', source: 'author-domain', orgDomain: { domain: null, rule: 'lookup-failed' } });
  });

  it('a name of 100 labels costs eight queries', async () => {
    const out = await discover({}, `${'x.'.repeat(100)}example.com`);
    expect(out.queries).toBe(8);
    expect(out.discovery?.walk.steps).toHaveLength(8);
  });

  it('an invalid name is refused without a query', async () => {
    const out = await discover({}, 'bad..name');
    expect(out).toMatchObject({ discovery: null, queries: 0 });
    expect(out.problem).toContain('not a valid domain');
  });
});

describe('alignment (RFC 9989 §3.2.3) and the result', () => {
  const zone: MemoryZone = {
    '_dmarc.example.com': txt('v=DMARC1; p=reject'),
    '_dmarc.strict.example': txt('v=DMARC1; p=quarantine; adkim=s; aspf=s'),
    '_dmarc.esp.example': txt('v=DMARC1; p=none'),
  };
  const evaluate = (author: string, ids: IdentifierInput[], z: MemoryZone = zone) =>
    startDmarc(author, memoryResolver(z), { prefetch: ids.map((i) => i.domain) }).finish(ids);
  const dkim = (domain: string, result = 'pass'): IdentifierInput => ({ kind: 'dkim', domain, selector: 'sel', result });
  const spf = (domain: string, result = 'pass'): IdentifierInput => ({ kind: 'spf', domain, selector: null, result });

  it('pass on a relaxed DKIM d= that shares the Organizational Domain', async () => {
    const e = await evaluate('news.example.com', [dkim('example.com')]);
    expect(e).toMatchObject({
      result: 'pass',
      reason: 'aligned-pass',
      disposition: 'none',
      identifiers: [{ aligned: 'yes', authenticated: true, orgDomain: 'example.com' }],
    });
  });

  it('pass on a relaxed SPF MAIL FROM subdomain', async () => {
    const e = await evaluate('example.com', [spf('bounces.example.com')]);
    expect(e.result).toBe('pass');
  });

  it('fail when the only passing identifiers belong to another organisation; the policy is applied', async () => {
    const e = await evaluate('example.com', [dkim('esp.example'), spf('bounce.esp.example')]);
    expect(e).toMatchObject({ result: 'fail', reason: 'no-aligned-pass', disposition: 'reject', policy: { tag: 'p', effective: 'reject' } });
    expect(e.identifiers.map((i) => i.aligned)).toEqual(['no', 'no']);
  });

  it('an aligned identifier that did not pass does not count', async () => {
    const e = await evaluate('example.com', [dkim('example.com', 'fail'), spf('example.com', 'softfail')]);
    expect(e.result).toBe('fail');
    expect(e.identifiers.every((i) => i.aligned === 'yes' && !i.authenticated)).toBe(true);
  });

  it('strict alignment needs the same name', async () => {
    expect((await evaluate('strict.example', [dkim('mail.strict.example')])).result).toBe('fail');
    expect((await evaluate('strict.example', [dkim('STRICT.example'.toLowerCase())])).result).toBe('pass');
  });

  it('no policy: none, whatever the identifiers', async () => {
    expect((await evaluate('other.example', [dkim('other.example')])).result).toBe('none');
  });

  it('an Organizational Domain lookup that fails for a passing identifier is temperror, not fail', async () => {
    const failing = { ...zone, '_dmarc.mail.example.com': 'SERVFAIL' as const };
    const e = await evaluate('example.com', [dkim('mail.example.com')], failing);
    expect(e).toMatchObject({ result: 'temperror', reason: 'alignment-lookup-failed', identifiers: [{ aligned: 'unknown' }] });
  });

  it('identifiers under another TLD never align, even when lookups fail', async () => {
    const e = await evaluate('example.com', [dkim('example.net')], { ...zone, '_dmarc.example.net': 'SERVFAIL', '_dmarc.net': 'SERVFAIL' });
    expect(e).toMatchObject({ result: 'fail', identifiers: [{ aligned: 'no' }] });
  });

  it('each name is asked once, however many walks pass it', async () => {
    const resolver = memoryResolver(zone);
    const ids = [dkim('a.example.com'), dkim('b.example.com'), spf('c.example.com')];
    await startDmarc('news.example.com', resolver, { prefetch: ids.map((i) => i.domain) }).finish(ids);
    // _dmarc of news, a, b, c (.example.com), example.com and com.
    expect(resolver.queries).toBe(6);
  });
});

describe('the Author Domain (RFC 9989 §5.3.1)', () => {
  const from = (value: string) => [{ name: 'From', value }];
  it('is the From address domain, lower-cased; a U-label becomes its A-label', () => {
    expect(authorDomainOf(from('Alice <alice@Example.COM>'), 'alice@Example.COM')).toEqual({ domain: 'example.com', problem: null });
    expect(authorDomainOf(from('b@bücher.example'), 'b@bücher.example').domain).toBe('xn--bcher-kva.example');
  });
  it('two From fields or two domains in one: no single Author Domain', () => {
    expect(authorDomainOf([...from('a@example.com'), ...from('b@example.com')], 'a@example.com').problem).toBe('multiple-author-domains');
    expect(authorDomainOf(from('a@example.com, b@example.net'), 'a@example.com').problem).toBe('multiple-author-domains');
    expect(authorDomainOf(from('"x@evil.example" <a@example.com>'), 'a@example.com').domain).toBe('example.com');
  });
  it('no From address, or one that is no domain name', () => {
    expect(authorDomainOf([], null).problem).toBe('no-author-domain');
    expect(authorDomainOf(from('a@localhost'), 'a@localhost').problem).toBe('invalid-author-domain');
  });
});
