import type { Resolver } from '../../dns/types.js';
import { parseClient } from './address.js';
import { checkHost, type HostOutcome } from './evaluate.js';
import { fetchExplanation } from './explanation.js';
import { DEFAULT_MAX_LOOKUPS, LookupLimits } from './limits.js';
import { ValidatedNames } from './ptr.js';
import type { Session } from './session.js';
import { SpfStop } from './stop.js';
import type { SpfEvaluation, SpfIdentity, SpfInput, SpfOptions } from './types.js';

/**
 * RFC 7208 check_host() for a client IP and the MAIL FROM identity, or the HELO identity when
 * MAIL FROM is the null sender (§2.4). Throws only on an `ip` that is not an IP address.
 */
export async function checkSpf(input: SpfInput, resolver: Resolver, options: SpfOptions = {}): Promise<SpfEvaluation> {
  const client = parseClient(input.ip);
  if (!client) throw new TypeError(`checkSpf: "${input.ip}" is not an IP address`);
  const helo = withoutTrailingDot(input.helo.trim());
  const mailFrom = input.mailFrom.trim().replace(/^<(.*)>$/, '$1');
  const identity: SpfIdentity = mailFrom === '' ? 'helo' : 'mailfrom';
  // §4.3: a sender without a local-part is checked as postmaster@domain.
  const address = identity === 'helo' ? `postmaster@${helo}` : mailFrom.includes('@') ? mailFrom : `postmaster@${mailFrom}`;
  const at = address.lastIndexOf('@');
  const localPart = address.slice(0, at) || 'postmaster';
  const domain = withoutTrailingDot(address.slice(at + 1));

  const limits = new LookupLimits(options.maxLookups ?? DEFAULT_MAX_LOOKUPS);
  const session: Session = {
    resolver,
    signal: options.signal,
    client,
    sender: `${localPart}@${domain}`,
    localPart,
    senderDomain: domain,
    helo,
    limits,
    names: new ValidatedNames(client, resolver, options.signal),
    trace: [],
    timestamp: Math.floor(Date.now() / 1000),
  };
  const checked = domain.toLowerCase();
  const base = { domain: checked, identity, trace: session.trace };

  let outcome: HostOutcome;
  try {
    outcome = await checkHost(session, checked, 0);
  } catch (error) {
    if (!(error instanceof SpfStop)) throw error;
    return {
      ...base,
      result: error.result,
      reason: error.message,
      explanation: null,
      mechanism: null,
      record: topRecord(session, checked),
      lookups: limits.lookups,
      voidLookups: limits.voidLookups,
      problem: error.problem,
    };
  }
  const explanation = outcome.result === 'fail' && outcome.exp ? await fetchExplanation(session, outcome.exp, outcome.domain) : null;
  return {
    ...base,
    result: outcome.result,
    reason: outcome.reason,
    explanation,
    mechanism: outcome.mechanism,
    record: outcome.record,
    lookups: limits.lookups,
    voidLookups: limits.voidLookups,
    problem: null,
  };
}

function withoutTrailingDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** The checked domain's own record, when the evaluation got as far as reading it. */
function topRecord(session: Session, domain: string): string | null {
  return session.trace.find((t) => t.depth === 0 && t.domain === domain && t.record !== null)?.record ?? null;
}
