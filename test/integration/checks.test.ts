import { describe, expect, inject, it } from 'vitest';
import { checkIprev } from '../../src/core/checks/iprev/evaluate.js';
import { checkSpf } from '../../src/core/checks/spf/index.js';
import { dohResolver } from '../../src/core/dns/doh.js';

const dohUrl = inject('dohUrl');
const blackholeUrl = inject('blackholeUrl');

/** One resolver for the file, as the worker keeps one for all analyses. */
const resolver = dohResolver(dohUrl);

describe('iprev (RFC 8601 §3) against BIND through DoH', () => {
  it.each([
    ['203.0.113.25', 'pass', 'mail.example.com'],
    ['203.0.113.28', 'pass', 'b.multi.example.com'],
    ['203.0.113.29', 'pass', 'alias.example.com'],
    ['2001:db8::25', 'pass', 'mail6.example.com'],
  ])('%s → %s via %s', async (ip, result, name) => {
    const evaluation = await checkIprev(ip, resolver);
    expect(evaluation.result).toBe(result);
    expect(evaluation.matchedName).toBe(name);
  });

  it.each([
    ['203.0.113.26', 'fail', ['nofwd.example.com']],
    ['203.0.113.27', 'fail', ['other.example.com']],
    ['203.0.113.30', 'permerror', []],
    ['2001:db8::26', 'permerror', []],
    ['203.0.113.32', 'temperror', ['mail.broken.example']],
    ['198.51.100.10', 'temperror', []],
  ])('%s → %s', async (ip, result, ptrNames) => {
    const evaluation = await checkIprev(ip, resolver);
    expect(evaluation.result).toBe(result);
    expect(evaluation.ptrNames).toEqual(ptrNames);
    expect(evaluation.matchedName).toBeNull();
  });

  it('203.0.113.31 → fail: ten of eleven PTR names tried, n11 (the one that maps back) left out', async () => {
    const evaluation = await checkIprev('203.0.113.31', resolver);
    expect(evaluation.result).toBe('fail');
    expect(evaluation.namesChecked).toHaveLength(10);
    expect(evaluation.namesLeftOut).toEqual(['n11.many.example.com']);
  });

  it('a resolver that never answers → temperror', async () => {
    const evaluation = await checkIprev('203.0.113.25', dohResolver(blackholeUrl, { timeoutMs: 300 }));
    expect(evaluation.result).toBe('temperror');
  });
});

describe('SPF check_host() (RFC 7208) against BIND through DoH', () => {
  it.each([
    ['203.0.113.25', 'user@example.com', 'pass'],
    ['2001:db8::1', 'user@example.com', 'pass'],
    ['198.51.100.7', 'user@example.com', 'pass'],
    ['192.0.2.1', 'user@example.com', 'fail'],
    ['203.0.113.40', 'user@example.net', 'pass'],
    ['203.0.113.25', 'user@example.net', 'pass'],
    ['192.0.2.1', 'user@example.net', 'softfail'],
    ['203.0.113.50', 'user@nomx.example', 'none'],
    ['203.0.113.32', 'user@mail.broken.example', 'temperror'],
  ])('%s sending as %s → %s', async (ip, mailFrom, result) => {
    expect((await checkSpf({ ip, mailFrom, helo: 'mail.example.com' }, resolver)).result).toBe(result);
  });

  it('example.org: eleven includes exceed the 10-lookup limit → permerror', async () => {
    const evaluation = await checkSpf({ ip: '203.0.113.25', mailFrom: 'user@example.org', helo: 'mail.example.com' }, resolver);
    expect(evaluation.result).toBe('permerror');
    expect(evaluation.problem?.kind).toBe('lookup-limit');
  });

  it('the null sender checks the HELO identity', async () => {
    const evaluation = await checkSpf({ ip: '203.0.113.25', mailFrom: '', helo: 'mail.example.com' }, resolver);
    expect(evaluation.identity).toBe('helo');
    expect(evaluation.domain).toBe('mail.example.com');
    expect(evaluation.result).toBe('none');
  });
});
