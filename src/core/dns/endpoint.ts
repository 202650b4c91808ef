/**
 * Checks a DoH resolver URL and returns it parsed. DNS questions reveal which mail the user is
 * looking at, so they travel over https; plain http is allowed only to this machine, where the
 * test stack and local resolvers listen.
 */
export function parseResolverUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a valid DoH resolver URL: "${url}"`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return parsed;
    throw new Error(`DoH resolver URL must use https:// (http:// is accepted only for loopback addresses): ${url}`);
  }
  throw new Error(`DoH resolver URL must use https://, not ${parsed.protocol}//: ${url}`);
}

/** 127.0.0.0/8, ::1 and localhost (WHATWG URL has already normalised forms such as 127.1). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
