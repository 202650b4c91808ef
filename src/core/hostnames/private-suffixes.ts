/**
 * Suffixes used only inside private networks (RFC 6762 .local, RFC 8375 home.arpa, ICANN's
 * reserved .internal, RFC 2606 .localhost and .invalid, and the habitual .lan/.corp/.home/
 * .localdomain/.intranet/.private): no public zone can hold records for them, so no receiver can
 * confirm such a name, and a host under one belongs to no organisation a name could tell apart.
 */
const PRIVATE_SUFFIXES = ['local', 'localdomain', 'localhost', 'lan', 'home', 'home.arpa', 'internal', 'intranet', 'corp', 'private', 'invalid'];

/** The private suffix `name` (lower case, no trailing dot) ends in, or null for a public name. */
export function privateSuffixOf(name: string): string | null {
  return PRIVATE_SUFFIXES.find((s) => name.endsWith(`.${s}`)) ?? null;
}
