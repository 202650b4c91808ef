/**
 * Host names compare without regard to case (RFC 4343) and with or without the root's trailing
 * dot: one form, for comparing, caching and writing a name into advice. Names stay as they came
 * otherwise: an IDN arrives in its A-label form from DNS and from RFC 5321 headers alike.
 */
export function canonicalName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Whether `host` is `domain` or a name below it, `domain` in canonical form. Allocates no copy of
 * the host (the Received parser asks it of every header).
 */
export function isAtOrUnder(host: string | null, domain: string): boolean {
  if (host === null) return false;
  const end = host.endsWith('.') ? host.length - 1 : host.length;
  const start = end - domain.length;
  if (start < 0 || (start > 0 && host.charCodeAt(start - 1) !== 46)) return false;
  // ASCII compared by character codes, an upper-case letter as its lower one; past ASCII,
  // toLowerCase decides (it maps the Kelvin sign to "k").
  for (let i = 0; i < domain.length; i++) {
    const h = host.charCodeAt(start + i);
    const d = domain.charCodeAt(i);
    if (h === d || (h >= 65 && h <= 90 && h + 32 === d)) continue;
    if (h < 128) return false;
    return host.slice(start, end).toLowerCase() === domain;
  }
  return true;
}
