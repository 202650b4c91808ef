import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseRecord } from '../../../src/core/checks/spf/record.js';
import { SpfSyntaxError } from '../../../src/core/checks/spf/syntax-error.js';

describe('isSpfRecord', () => {
  it.each([
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SpF1 ~all', true],
    ['v=spf10', false],
    ['v=spf1mx', false],
    [' v=spf1 -all', false],
    ['spf2.0/pra -all', false],
  ])('%j → %s', (text, expected) => {
    expect(isSpfRecord(text)).toBe(expected);
  });
});

describe('parseRecord', () => {
  it('reads every mechanism with its qualifier and CIDR lengths', () => {
    const r = parseRecord(
      'v=spf1  +a mx:example.com/24//64 -ptr ~ip4:192.0.2.0/24 ?ip6:2001:db8::/32 include:_spf.example.net exists:%{i}.bl.example.org all ',
    );
    expect(r.mechanisms.map((m) => [m.qualifier, m.mechanism.kind])).toEqual([
      ['+', 'a'],
      ['+', 'mx'],
      ['-', 'ptr'],
      ['~', 'ip4'],
      ['?', 'ip6'],
      ['+', 'include'],
      ['+', 'exists'],
      ['+', 'all'],
    ]);
    const mx = r.mechanisms[1]!.mechanism;
    expect(mx.kind === 'mx' && [mx.cidr4, mx.cidr6]).toEqual([24, 64]);
    const a = r.mechanisms[0]!.mechanism;
    expect(a.kind === 'a' && [a.target, a.cidr4, a.cidr6]).toEqual([null, 32, 128]);
  });

  it('takes a "/" inside the domain as part of it when no CIDR length follows', () => {
    const m = parseRecord('v=spf1 a:foo:bar/baz.example.com').mechanisms[0]!.mechanism;
    expect(m.kind === 'a' && m.cidr4).toBe(32);
  });

  it('keeps redirect= and exp= and ignores unknown modifiers', () => {
    const r = parseRecord('v=spf1 moo.cow-far_out=man:dog/cat redirect=_spf.example.com exp=why.%{d}');
    expect(r.mechanisms).toHaveLength(0);
    expect(r.redirect?.text).toBe('redirect=_spf.example.com');
    expect(r.exp?.text).toBe('exp=why.%{d}');
  });

  it.each([
    ['v=spf1 ip4:1.2.3.4 -all moo', 'unknown mechanism'],
    ['v=spf1 redirect:example.com', 'redirect is a modifier'],
    ['v=spf1 -all.', 'all with an argument'],
    ['v=spf1 -all:foo', 'all with a domain'],
    ['v=spf1 -all/8', 'all with a CIDR length'],
    ['v=spf1 include', 'include without a domain'],
    ['v=spf1 include:', 'include with an empty domain'],
    ['v=spf1 include:example.com/24', 'include with a CIDR length'],
    ['v=spf1 exists', 'exists without a domain'],
    ['v=spf1 ptr/0', 'ptr with a CIDR length'],
    ['v=spf1 a:', 'a with an empty domain'],
    ['v=spf1 a/33', 'ip4 CIDR over 32'],
    ['v=spf1 a//129', 'ip6 CIDR over 128'],
    ['v=spf1 a/24/64', 'dual CIDR without the double slash'],
    ['v=spf1 a:museum', 'a domain of one label'],
    ['v=spf1 a:museum.', 'a domain of one label with a dot'],
    ['v=spf1 a:abc.123', 'a numeric top label'],
    ['v=spf1 a:example.-com', 'a top label starting with a dash'],
    ['v=spf1 a:example.com:8080', 'a port after the domain'],
    ['v=spf1 ip4', 'ip4 without an address'],
    ['v=spf1 ip4:1.2.3', 'a short IPv4 address'],
    ['v=spf1 ip4:1.2.03.4', 'a leading zero in an IPv4 address'],
    ['v=spf1 ip4:1.2.3.4/032', 'a leading zero in a prefix length'],
    ['v=spf1 ip4:1.2.3.4//32', 'a dual CIDR on ip4'],
    ['v=spf1 ip4:1.2.3.4:8080', 'a port after an address'],
    ['v=spf1 ip6::CAFE::BABE', 'a malformed IPv6 address'],
    ['v=spf1 ip6:::1.1.1.1//33', 'a dual CIDR on ip6'],
    ['v=spf1 ip4:192.0.2.5\n', 'a control character'],
    ['v=spf1 1up=foo', 'a modifier name starting with a digit'],
    ['v=spf1 =all', 'an empty modifier name'],
    ['v=spf1 foo=%abc', 'a bad macro in an unknown modifier'],
    ['v=spf1 exp=', 'an empty exp='],
    ['v=spf1 redirect=-all', 'redirect= to a bad domain'],
    ['v=spf1 exp=a.example.com exp=b.example.com', 'exp= twice'],
    ['v=spf1 redirect=a.example.com redirect=a.example.com', 'redirect= twice'],
    ['v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net', 'non-ASCII text'],
  ])('%j is a syntax error (%s)', (text) => {
    expect(() => parseRecord(text)).toThrow(SpfSyntaxError);
  });

  it('says which term is wrong', () => {
    expect(() => parseRecord('v=spf1 ip4:192.0.2.1 a:mail.example.com/33 -all')).toThrow(/a:mail\.example\.com\/33/);
  });
});
