import { recordsOf, type Resolver } from '../../dns/types.js';
import { reverseName } from '../../net/reverse.js';
import type { AnswerKind } from '../../lookups/answer-kind.js';
import { lookUp } from '../../lookups/lookup.js';
import { lookupAddresses } from '../../lookups/forward.js';
import { parseClient, type Address } from './address.js';

/** §4.6.4: at most this many PTR names are looked at, and at most this many MX names. */
export const MAX_NAMES_PER_LOOKUP = 10;

export interface PtrLookup {
  /** "transient" when the PTR lookup failed: §5.5 makes that a non-match, not temperror. */
  kind: AnswerKind;
  /** The first MAX_NAMES_PER_LOOKUP names, in answer order. */
  names: string[];
  /** How many names the answer held. */
  total: number;
}

/**
 * The client's PTR names and which of them are validated (§5.5: the name's A or AAAA records
 * include the client). Each question is asked once per evaluation, however many ptr
 * mechanisms and %{p} macros need it.
 */
export class ValidatedNames {
  private lookup: Promise<PtrLookup> | null = null;
  private readonly checked = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: Address,
    private readonly resolver: Resolver,
    private readonly signal: AbortSignal | undefined,
  ) {}

  ptrNames(): Promise<PtrLookup> {
    this.lookup ??= this.fetchNames();
    return this.lookup;
  }

  /** A DNS error on the address lookup skips the name (§5.5). */
  isValidated(name: string): Promise<boolean> {
    let pending = this.checked.get(name);
    if (!pending) {
      const type = this.client.kind() === 'ipv4' ? 'A' : 'AAAA';
      pending = lookupAddresses(name, type, this.resolver, this.signal).then((found) =>
        found.addresses.some((a) => parseClient(a)?.toString() === this.client.toString()),
      );
      this.checked.set(name, pending);
    }
    return pending;
  }

  /**
   * %{p} (§7.3): a validated name equal to <domain>, else one under it, else any validated
   * name, else "unknown". The candidates are validated in parallel.
   */
  async forMacro(domain: string): Promise<string> {
    const { names } = await this.ptrNames();
    const validated = await Promise.all(names.map((n) => this.isValidated(n)));
    const good = names.filter((_, i) => validated[i]);
    return good.find((n) => n === domain) ?? good.find((n) => n.endsWith(`.${domain}`)) ?? good[0] ?? 'unknown';
  }

  private async fetchNames(): Promise<PtrLookup> {
    const lookup = await lookUp(this.resolver, reverseName(this.client.toString()), 'PTR', this.signal);
    const all = lookup.kind === 'records' ? recordsOf(lookup.answer, 'PTR').map((r) => r.data) : [];
    return { kind: lookup.kind, names: all.slice(0, MAX_NAMES_PER_LOOKUP), total: all.length };
  }
}
