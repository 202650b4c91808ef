import { describe, expect, it } from 'vitest';
import { isDmarcRecord, parseDmarcRecord } from '../../../src/core/dmarc/record.js';

describe('DMARC record (RFC 9989 §4.7)', () => {
  it('recognises only records that start with v=DMARC1, case-sensitive', () => {
    expect(isDmarcRecord('v=DMARC1; p=none')).toBe(true);
    expect(isDmarcRecord(' v = DMARC1 ;p=reject')).toBe(true);
    expect(isDmarcRecord('v=DMARC1')).toBe(true);
    expect(isDmarcRecord('v=dmarc1; p=none')).toBe(false);
    expect(isDmarcRecord('p=none; v=DMARC1')).toBe(false);
    expect(isDmarcRecord('v=DMARC10; p=none')).toBe(false);
    expect(isDmarcRecord('v=spf1 -all')).toBe(false);
  });

  it('reads the tags with their defaults', () => {
    const r = parseDmarcRecord('v=DMARC1; p=quarantine; sp=reject; np=reject; adkim=s; psd=n; t=y; rua=mailto:agg@example.com');
    expect(r).toMatchObject({
      p: 'quarantine',
      sp: 'reject',
      np: 'reject',
      adkim: 'strict',
      aspf: 'relaxed',
      psd: 'n',
      testing: true,
      rua: ['mailto:agg@example.com'],
    });
    expect(r.policyValid && r.usable).toBe(true);
    expect(parseDmarcRecord('v=DMARC1; p=none')).toMatchObject({
      sp: null,
      np: null,
      adkim: 'relaxed',
      aspf: 'relaxed',
      psd: 'u',
      testing: false,
      problems: [],
    });
  });

  it('ignores the tags RFC 9989 removed (pct, rf, ri), and says so', () => {
    const r = parseDmarcRecord('v=DMARC1; p=reject; pct=10; rf=afrf; ri=3600');
    expect(r.p).toBe('reject');
    expect(r.retiredTags).toEqual(['pct=10', 'rf=afrf', 'ri=3600']);
    expect(r.testing).toBe(false);
  });

  it('replaces invalid values by defaults and keeps the problem', () => {
    const r = parseDmarcRecord('v=DMARC1; p=reject; adkim=x; psd=maybe; t=yes');
    expect(r).toMatchObject({ adkim: 'relaxed', psd: 'u', testing: false });
    expect(r.problems).toHaveLength(3);
  });

  it('a record without a valid p= is usable only with a valid rua= (§4.10.1)', () => {
    expect(parseDmarcRecord('v=DMARC1; p=block')).toMatchObject({ p: null, policyValid: false, usable: false });
    expect(parseDmarcRecord('v=DMARC1; rua=mailto:agg@example.com')).toMatchObject({ p: null, policyValid: false, usable: true });
    expect(parseDmarcRecord('v=DMARC1; p=reject; sp=bogus')).toMatchObject({ policyValid: false, usable: false });
    expect(parseDmarcRecord('v=DMARC1; p=reject; rua=not a uri')).toMatchObject({ rua: [], usable: true });
  });

  it('a duplicated tag keeps the first value', () => {
    const r = parseDmarcRecord('v=DMARC1; p=none; p=reject');
    expect(r.p).toBe('none');
    expect(r.problems[0]).toContain('twice');
  });

  it('a hostile record of 64 kB is read in bounded time and size', () => {
    const r = parseDmarcRecord(`v=DMARC1; p=reject; ${'x=1; '.repeat(13000)}`);
    expect(r.p).toBe('reject');
  });
});
