import { resolveResolverUrl } from '../core/dns/builtin.js';
import { dohResolver, type DohResolver } from '../core/dns/doh.js';
import type { Settings } from '../settings.js';

/** One resolver per URL and timeout for the worker's life, so every analysis shares one cache. */
const resolvers = new Map<string, DohResolver>();

export function resolverUrl(settings: Settings): string {
  return settings.resolver === 'custom' ? resolveResolverUrl(settings.customResolverUrl) : resolveResolverUrl(settings.resolver);
}

/** The resolver the settings ask for; null in no-DNS mode. Throws when a custom URL is not usable. */
export function resolverFor(settings: Settings): DohResolver | null {
  if (settings.noDns) return null;
  const url = resolverUrl(settings);
  const key = `${settings.timeoutMs} ${url}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    // A changed setting leaves the old resolver unused; drop it with its cache.
    resolvers.clear();
    resolver = dohResolver(url, { timeoutMs: settings.timeoutMs });
    resolvers.set(key, resolver);
  }
  return resolver;
}
