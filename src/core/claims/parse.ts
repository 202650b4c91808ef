import type { HeaderField } from '../message/types.js';
import { arcChain, arcFieldOf } from './arc.js';
import { parseAuthResults } from './auth-results.js';
import { parseReceivedSpf } from './received-spf.js';
import type { Claims } from './types.js';

/** What the receiving servers recorded: every Authentication-Results, ARC-Authentication-Results and Received-SPF field, and the ARC sets. */
export function parseClaims(headers: readonly HeaderField[]): Claims {
  const claims: Omit<Claims, 'arc'> = { authResults: [], receivedSpf: [] };
  const arcFields: ReturnType<typeof arcFieldOf>[] = [];
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
      case 'arc-seal':
        arcFields.push(arcFieldOf('seal', header.value, index));
        break;
      case 'arc-message-signature':
        arcFields.push(arcFieldOf('signature', header.value, index));
        break;
    }
  });
  return { ...claims, arc: arcChain(arcFields, claims.authResults) };
}
