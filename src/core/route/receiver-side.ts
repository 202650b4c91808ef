import { addressDomain, filterOf, providerOf, registrableDomain, sideOf } from './domains.js';
import type { RecipientEvidence } from './types.js';

/** Who the receiving side is: the final recipient's domain, then the hosts met while walking down. */
export class ReceiverSide {
  private readonly sides = new Map<string, string>();

  constructor(recipient: RecipientEvidence | null) {
    for (const address of recipient?.addresses ?? []) {
      const domain = addressDomain(address);
      const side = domain === null ? null : sideOf(domain);
      if (side !== null && !this.sides.has(side)) this.sides.set(side, `of the recipient's domain ${registrableDomain(domain) ?? domain}`);
    }
  }

  /** Why a by host belongs to the receiving side, or null when it does not. */
  describe(host: string | null): string | null {
    const side = sideOf(host);
    if (side === null) return null;
    const known = this.sides.get(side);
    if (known) return known;
    const provider = providerOf(host);
    return provider ? `of the mailbox provider ${provider}` : null;
  }

  add(host: string | null, why: string): void {
    const side = sideOf(host);
    if (side !== null && !this.sides.has(side)) this.sides.set(side, why);
  }

  has(host: string | null): boolean {
    const side = sideOf(host);
    return side !== null && this.sides.has(side);
  }

  /**
   * Whether the host is the receiving organisation's own, not a provider's or a filtering
   * service's that serves many organisations: a route of only such hosts never left it.
   */
  ownServer(host: string | null): boolean {
    return this.has(host) && providerOf(host) === null && filterOf(host) === null;
  }
}
