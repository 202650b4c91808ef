import { describe, expect, it } from 'vitest';
import { parseClient } from '../../../src/core/checks/spf/address.js';
import { expandDomain } from '../../../src/core/checks/spf/domain.js';
import { expandMacros, parseMacroString, urlEscape, type MacroValues } from '../../../src/core/checks/spf/macro.js';
import { dottedForm, humanForm } from '../../../src/core/checks/spf/address.js';

/** The setting of RFC 7208 §7.4's examples. */
function rfcValues(ip: string): MacroValues {
  const client = parseClient(ip)!;
  return {
    sender: 'strong-bad@email.example.com',
    localPart: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ipDotted: dottedForm(client),
    ipText: humanForm(client),
    ipVersion: client.kind() === 'ipv4' ? 4 : 6,
    helo: 'mx.example.org',
    receiver: 'unknown',
    timestamp: 1_700_000_000,
    validatedName: async () => 'mx.example.org',
  };
}

const expand = (text: string, ip = '192.0.2.3') => expandMacros(parseMacroString(text, 'explanation'), rfcValues(ip));
const expandName = (text: string, ip = '192.0.2.3') => expandDomain(parseMacroString(text, 'domain'), rfcValues(ip));

describe('macro expansion, RFC 7208 §7.4 examples', () => {
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
  ])('%s → %s', async (macro, expansion) => {
    expect(await expand(macro)).toBe(expansion);
  });

  it.each([
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
  ])('domain %s → %s', async (spec, expansion) => {
    expect(await expandName(spec)).toBe(expansion);
  });

  it('expands %{ir}.%{v} of an IPv6 client to reversed nibbles under ip6', async () => {
    expect(await expandName('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01')).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });
});

describe('other macro letters', () => {
  it('gives %{c} as RFC 5952 text and %{i} as nibbles for IPv6', async () => {
    expect(await expand('%{c}', '2001:DB8::CB01')).toBe('2001:db8::cb01');
    expect(await expand('%{i}', '2001:db8::cb01')).toBe('2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.C.B.0.1');
    expect(await expand('%{v}', '2001:db8::cb01')).toBe('ip6');
  });

  it('gives an IPv4-mapped client as IPv4', async () => {
    expect(await expand('%{i} %{v}', '::ffff:192.0.2.3')).toBe('192.0.2.3 in-addr');
  });

  it('gives %{p} from the validated name, %{h}, %{r} and %{t} in explanations', async () => {
    expect(await expand('%{p2} %{h} %{r} %{t}')).toBe('example.org mx.example.org unknown 1700000000');
  });

  it('URL-escapes uppercase macros: everything outside unreserved', async () => {
    const values = { ...rfcValues('192.0.2.3'), localPart: '~jack&jill=up-a_b3.c' };
    expect(await expandMacros(parseMacroString('l=%{L}', 'explanation'), values)).toBe('l=~jack%26jill%3Dup-a_b3.c');
    expect(urlEscape("a b!*'()é")).toBe('a%20b%21%2A%27%28%29%C3%A9');
  });

  it('expands %%, %_ and %-', async () => {
    expect(await expand('100%%%_%-')).toBe('100% %20');
  });

  it('splits on several delimiters and rejoins with dots', async () => {
    const values = { ...rfcValues('192.0.2.3'), localPart: 'foo-bar+zip+quux' };
    expect(await expandMacros(parseMacroString('%{l2r+-}', 'domain'), values)).toBe('bar.foo');
  });

  it('cuts an expanded name of more than 253 characters label by label from the left', async () => {
    const long = `${'a'.repeat(60)}.`.repeat(5);
    const name = await expandDomain(parseMacroString(`${long}example.com`, 'domain'), rfcValues('192.0.2.3'));
    expect(name.length).toBeLessThanOrEqual(253);
    expect(name).toBe(`${`${'a'.repeat(60)}.`.repeat(3)}example.com`);
  });

  it('drops a trailing dot from names but not from explanations', async () => {
    expect(await expandName('%{d}.')).toBe('email.example.com');
    expect(await expand('This is a test.')).toBe('This is a test.');
  });
});

describe('macro syntax errors', () => {
  it.each([
    ['%(ir).sbl.example.com', 'domain'],
    ['foo%.sbl.example.com', 'domain'],
    ['%{x}.example.com', 'domain'],
    ['%{c}.example.com', 'domain'],
    ['%{r}.example.com', 'domain'],
    ['%{t}.example.com', 'domain'],
    ['%{d0}.example.com', 'domain'],
    ['%{d.example.com', 'domain'],
    ['a b.example.com', 'domain'],
    ['foo\x00.example.com', 'domain'],
    ['The %{x}-files.', 'explanation'],
    ['%abc', 'modifier'],
  ] as const)('%j in a %s', (text, context) => {
    expect(() => parseMacroString(text, context)).toThrow();
  });

  it('allows c, r, t and spaces in explanation text', () => {
    expect(() => parseMacroString('from %{c} at %{t} to %{r}', 'explanation')).not.toThrow();
  });
});
