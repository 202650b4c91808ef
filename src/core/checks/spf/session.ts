import type { Resolver } from '../../dns/types.js';
import { dottedForm, humanForm, type Address } from './address.js';
import type { LookupLimits } from './limits.js';
import type { MacroValues } from './macro.js';
import type { ValidatedNames } from './ptr.js';
import type { SpfTraceEntry } from './types.js';

/** What one check_host() call and all its includes and redirects share. */
export interface Session {
  resolver: Resolver;
  signal: AbortSignal | undefined;
  client: Address;
  /** <sender> (§4.1): local-part@domain, postmaster@HELO for the HELO identity. */
  sender: string;
  localPart: string;
  senderDomain: string;
  helo: string;
  limits: LookupLimits;
  names: ValidatedNames;
  trace: SpfTraceEntry[];
  timestamp: number;
}

/** The macro values (§7.3) while the record of `domain` is evaluated. */
export function macroValues(s: Session, domain: string): MacroValues {
  return {
    sender: s.sender,
    localPart: s.localPart,
    senderDomain: s.senderDomain,
    domain,
    ipDotted: dottedForm(s.client),
    ipText: humanForm(s.client),
    ipVersion: s.client.kind() === 'ipv4' ? 4 : 6,
    helo: s.helo,
    receiver: 'unknown',
    timestamp: s.timestamp,
    validatedName: (d) => s.names.forMacro(d),
  };
}
