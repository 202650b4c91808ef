import { recordsOf, type Resolver } from '../dns/types.js';
import { lookUp } from '../lookups/lookup.js';
import { isDmarcRecord, parseDmarcRecord } from './record.js';
import type { AskDmarc, WalkStep } from './types.js';

/**
 * The one way DMARC asks DNS: TXT at `_dmarc.<domain>`, each name once per evaluation however
 * many walks pass it (the Author Domain's, the MAIL FROM domain's and each d='s share their
 * upper names). RFC 9989 §4.10 step 2: TXT records not starting with v=DMARC1 are discarded,
 * and more than one DMARC record at a name discards them all.
 */
export function dmarcAsker(resolver: Resolver, signal?: AbortSignal): AskDmarc & { settled(): Promise<void> } {
  const asked = new Map<string, Promise<WalkStep>>();
  const askOnce = (domain: string) => {
    let step = asked.get(domain);
    if (!step) {
      step = ask(resolver, domain, signal);
      asked.set(domain, step);
    }
    return step;
  };
  /** Every question sent has its answer: the evidence is complete and stops changing. */
  const settled = async () => {
    await Promise.allSettled(asked.values());
  };
  return Object.assign(askOnce, { settled });
}

async function ask(resolver: Resolver, domain: string, signal?: AbortSignal): Promise<WalkStep> {
  // A walk's names go out together; once cancelled, the rest are not sent.
  signal?.throwIfAborted();
  const lookup = await lookUp(resolver, `_dmarc.${domain}`, 'TXT', signal);
  if (lookup.failed) return { domain, outcome: 'failed', record: null, count: 0, failed: lookup.failed };
  const texts = lookup.kind === 'records' ? recordsOf(lookup.answer, 'TXT').map((r) => r.data.join('')) : [];
  const dmarc = texts.filter(isDmarcRecord);
  if (dmarc.length === 0) return { domain, outcome: 'none', record: null, count: 0, failed: null };
  if (dmarc.length > 1) return { domain, outcome: 'multiple', record: null, count: dmarc.length, failed: null };
  return { domain, outcome: 'record', record: parseDmarcRecord(dmarc[0]!), count: 1, failed: null };
}
