import { describe, expect, it } from 'vitest';
import { parseClaims } from '../../../src/core/claims/parse.js';

const set = (i: number, cv: string) => [
  { name: 'ARC-Seal', value: `i=${i}; a=rsa-sha256; cv=${cv}; d=forwarder${i}.example; s=arc; t=1764583200; b=AAAA` },
  { name: 'ARC-Message-Signature', value: `i=${i}; a=rsa-sha256; c=relaxed/relaxed; d=forwarder${i}.example; s=arc; h=from:to; bh=AAAA; b=AAAA` },
  { name: 'ARC-Authentication-Results', value: `i=${i}; mx${i}.example; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com` },
];

describe('ARC sets (RFC 8617)', () => {
  it('groups the three fields of each instance, in instance order, with what each intermediary recorded', () => {
    const { arc } = parseClaims([...set(2, 'pass'), ...set(1, 'none')]);
    expect(arc.structure).toBe('intact');
    expect(arc.sets.map((s) => [s.instance, s.cv, s.seal?.domain, s.messageSignature?.selector, s.authResults?.authservId])).toEqual([
      [1, 'none', 'forwarder1.example', 'arc', 'mx1.example'],
      [2, 'pass', 'forwarder2.example', 'arc', 'mx2.example'],
    ]);
    expect(arc.sets[0]!.authResults?.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass']);
  });

  it('no ARC fields: none', () => {
    expect(parseClaims([{ name: 'Subject', value: 'x' }]).arc).toEqual({ sets: [], structure: 'none', problem: null });
  });

  it('a missing instance, a missing field, a duplicate, cv=fail or a wrong cv break the structure, and say which', () => {
    expect(parseClaims([...set(1, 'none'), ...set(3, 'pass')]).arc).toMatchObject({ structure: 'broken' });
    expect(parseClaims([...set(1, 'none'), ...set(3, 'pass')]).arc.problem).toContain('instance 2 has 0 ARC-Seal fields');
    expect(parseClaims([...set(1, 'none'), ...set(2, 'fail')]).arc.problem).toContain('cv=fail');
    expect(parseClaims(set(1, 'pass')).arc.problem).toContain('needs cv=none');
    expect(parseClaims([...set(1, 'none'), set(1, 'none')[0]!]).arc.problem).toContain('2 ARC-Seal fields');
  });

  it('a hostile message of 10,000 ARC fields stays bounded: instances past 50 are refused', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: 'ARC-Seal', value: `i=${i + 1}; cv=pass; d=x.example` }));
    const { arc } = parseClaims(many);
    expect(arc.sets.length).toBeLessThanOrEqual(50);
    expect(arc.structure).toBe('broken');
  });
});
