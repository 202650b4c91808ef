import { canonicalName } from './canonical.js';

/**
 * The domain of a mail identity as headers write it: an address, in angle brackets or not, or
 * a bare domain (Microsoft writes smtp.mailfrom=example.com; smtp.helo is a name). Null when
 * there is none, as for the null sender "<>".
 */
export function identityDomain(identity: string | null): string | null {
  if (identity === null) return null;
  const domain = canonicalName(identity.slice(identity.lastIndexOf('@') + 1).replace(/[<>]/g, ''));
  return domain.length > 0 ? domain : null;
}
