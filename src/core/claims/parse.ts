import type { HeaderField } from '../message/types.js';
import { parseAuthResults } from './auth-results.js';
import { parseReceivedSpf } from './received-spf.js';
import type { Claims } from './types.js';

/** What the receiving servers recorded: every Authentication-Results, ARC-Authentication-Results and Received-SPF field. */
export function parseClaims(headers: readonly HeaderField[]): Claims {
  const claims: Claims = { authResults: [], receivedSpf: [] };
  headers.forEach((header, index) => {
    switch (header.name.toLowerCase()) {
      case 'authentication-results':
        claims.authResults.push(parseAuthResults(header.value, 'Authentication-Results', index));
        break;
      case 'arc-authentication-results':
        claims.authResults.push(parseAuthResults(header.value, 'ARC-Authentication-Results', index));
        break;
      case 'received-spf':
        claims.receivedSpf.push(parseReceivedSpf(header.value, index));
        break;
    }
  });
  return claims;
}
