import { parseResolverUrl } from './endpoint.js';

/**
 * How long one DoH request may take before it counts as unanswered (and is retried once), for the
 * extension's settings and the CLI alike. Public resolvers answer in well under a second; a slow
 * authoritative chain behind them can take a few.
 */
export const DEFAULT_TIMEOUT_MS = 4000;

export interface BuiltinResolver {
  id: 'cloudflare' | 'google' | 'quad9';
  label: string;
  url: string;
  /** What the operator does with the user's address, in one or two sentences for the settings page. */
  privacy: string;
  /**
   * Serves DoH over HTTP/2 only. Browsers speak HTTP/2; Node 20's fetch (undici, HTTP/1.1)
   * does not, so the CLI must not pick such a resolver by default.
   */
  http2Only: boolean;
}

/**
 * Every query sends EDNS Client Subnet with source prefix 0 (see wire.ts), which RFC 7871
 * §7.1.2 says forbids the resolver to forward any part of the user's address; the notes say
 * what each operator documents beyond that.
 */
export const BUILTIN_RESOLVERS: readonly BuiltinResolver[] = [
  {
    id: 'cloudflare',
    label: 'Cloudflare (1.1.1.1)',
    url: 'https://cloudflare-dns.com/dns-query',
    privacy: 'Does not send EDNS Client Subnet to authoritative servers, so no part of your address leaves Cloudflare.',
    http2Only: false,
  },
  {
    id: 'google',
    label: 'Google Public DNS (8.8.8.8)',
    url: 'https://dns.google/dns-query',
    privacy:
      'Sends part of your address (EDNS Client Subnet) to authoritative servers unless the query carries a zero-length client subnet, which Hoplens always sends.',
    http2Only: false,
  },
  {
    id: 'quad9',
    label: 'Quad9 (9.9.9.9)',
    url: 'https://dns.quad9.net/dns-query',
    privacy: 'This endpoint does not send EDNS Client Subnet. It serves DoH over HTTP/2 only, so the Node CLI cannot use it.',
    http2Only: true,
  },
];

/**
 * Cloudflare: it documents that it never forwards the client's subnet, and it accepts the
 * HTTP/1.1 that the Node CLI's fetch speaks, so the extension and the CLI share one default.
 */
export const DEFAULT_RESOLVER_ID: BuiltinResolver['id'] = 'cloudflare';

/** A built-in resolver's id (case-insensitive) or a DoH URL → the URL to query. */
export function resolveResolverUrl(idOrUrl: string): string {
  const wanted = idOrUrl.trim();
  const builtin = BUILTIN_RESOLVERS.find((r) => r.id === wanted.toLowerCase());
  if (builtin) return builtin.url;
  if (!wanted.includes(':')) {
    throw new Error(`Unknown resolver "${wanted}": use one of ${BUILTIN_RESOLVERS.map((r) => r.id).join(', ')} or a DoH URL`);
  }
  return parseResolverUrl(wanted).href;
}
