import { describe, expect, it } from 'vitest';
import { BUILTIN_RESOLVERS, DEFAULT_RESOLVER_ID, resolveResolverUrl } from '../../../src/core/dns/builtin.js';

describe('built-in resolvers', () => {
  it('lists Cloudflare, Google and Quad9 over https, each with a privacy note', () => {
    expect(BUILTIN_RESOLVERS.map((r) => r.id)).toEqual(['cloudflare', 'google', 'quad9']);
    for (const r of BUILTIN_RESOLVERS) {
      expect(new URL(r.url).protocol).toBe('https:');
      expect(r.privacy.length).toBeGreaterThan(20);
    }
  });

  it('defaults to a resolver that Node 20 fetch can reach (not HTTP/2-only)', () => {
    const chosen = BUILTIN_RESOLVERS.find((r) => r.id === DEFAULT_RESOLVER_ID);
    expect(chosen?.http2Only).toBe(false);
    expect(BUILTIN_RESOLVERS.find((r) => r.id === 'quad9')?.http2Only).toBe(true);
  });

  it('resolves ids case-insensitively and passes URLs through', () => {
    expect(resolveResolverUrl('Google')).toBe('https://dns.google/dns-query');
    expect(resolveResolverUrl(' cloudflare ')).toBe('https://cloudflare-dns.com/dns-query');
    expect(resolveResolverUrl('https://doh.example/dns-query')).toBe('https://doh.example/dns-query');
    expect(resolveResolverUrl('http://127.0.0.1:8053/dns-query')).toBe('http://127.0.0.1:8053/dns-query');
  });

  it('refuses unknown ids and plain http beyond loopback', () => {
    expect(() => resolveResolverUrl('opendns')).toThrow(/cloudflare, google, quad9/);
    expect(() => resolveResolverUrl('http://doh.example/dns-query')).toThrow(/https/);
  });
});
