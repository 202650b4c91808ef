import { MAX_SIGNATURES } from '../../dkim/verify.js';
import {
  authorDomainOf,
  startDmarc,
  withoutAuthorDomain,
  type DmarcEvaluation,
  type DmarcResultWord,
  type DmarcSession,
  type IdentifierInput,
} from '../../dmarc/index.js';
import { identityDomain } from '../../hostnames/identity-domain.js';
import { dkimCheck } from '../dkim.js';
import { NOT_CHECKED, type Check, type CheckContext, type NotChecked, type StartContext, type Verdict } from '../types.js';
import { spfCheck } from '../spf/check.js';
import { dmarcAdvice, dmarcExplanation, dmarcSeverity, dmarcSummary } from './wording.js';

/** What a DMARC result carries: the evaluation (record, walk, policy, each identifier's alignment). */
export interface DmarcDetails extends Omit<DmarcEvaluation, 'evidence'> {
  /** A DMARC record applies to the Author Domain (its own, its Organizational Domain's or its PSD's). */
  recordFound: boolean;
}

export type DmarcCheckResult = Verdict<'dmarc', DmarcResultWord, DmarcDetails> | NotChecked<'dmarc'>;

type After = readonly [typeof spfCheck, typeof dkimCheck];

/** The Author Domain's session, started before SPF and DKIM finish, or why there is none. */
type Early = { session: DmarcSession; authorDomain: string } | { session: null; evaluation: DmarcEvaluation };

/**
 * DMARC (RFC 9989) from Hoplens' own SPF and DKIM results. The policy lookups (the tree walks
 * of the From domain, the envelope sender's and each d='s) start with the first checks, in
 * `early`; only alignment waits for SPF and DKIM.
 */
export const dmarcCheck: Check<'dmarc', DmarcCheckResult, After, Early> = {
  name: 'dmarc',
  meta: {
    label: 'DMARC',
    shortLabel: 'DMARC',
    summaryRank: 5,
    section: 'checks',
    locale: { label: 'check_dmarc', shortLabel: 'check_short_dmarc' },
  },
  after: [spfCheck, dkimCheck],
  early: begin,
  async *run(ctx) {
    const early = ctx.early ?? begin(ctx);
    const evaluation = early.session === null ? early.evaluation : await early.session.finish(identifiersOf(ctx));
    yield resultOf(evaluation, ctx.resolver.label);
  },
};

function begin(ctx: StartContext): Early {
  const { message } = ctx.analysis;
  const author = authorDomainOf(message.headers, message.from);
  if (author.problem !== null) return { session: null, evaluation: withoutAuthorDomain(author.problem, author.domain) };
  const prefetch = [identityDomain(message.returnPath), identityDomain(ctx.origin?.received.envelopeFrom ?? null), ...signingDomains(ctx)];
  const session = startDmarc(author.domain, ctx.resolver, { prefetch: prefetch.filter((d) => d !== null), ...(ctx.signal ? { signal: ctx.signal } : {}) });
  return { session, authorDomain: author.domain };
}

/** The d= of each DKIM-Signature, read ahead of verification so their walks can start. */
function signingDomains(ctx: StartContext): string[] {
  return ctx.analysis.message.headers
    .filter((h) => h.name.toLowerCase() === 'dkim-signature')
    .slice(0, MAX_SIGNATURES)
    .flatMap((h) => {
      const d = /(?:^|;)\s*d\s*=\s*([^;\s]+)/i.exec(h.value.slice(0, 4096))?.[1];
      return d ? [d.toLowerCase()] : [];
    });
}

/**
 * RFC 9989 §5.3.3: the SPF-Authenticated Identifier is the MAIL FROM domain SPF checked (not
 * the HELO identity, and not the From: stand-in SPF uses when no envelope sender is known);
 * each verified DKIM signature gives its d=.
 */
function identifiersOf(ctx: CheckContext<After, Early>): IdentifierInput[] {
  const ids: IdentifierInput[] = [];
  for (const r of ctx.earlier) {
    if (r.result === NOT_CHECKED) continue;
    if (r.check === 'spf' && r.details.identity === 'mailfrom' && r.details.mailFromSource !== 'from-header' && r.hopIndex === (ctx.origin?.index ?? null)) {
      ids.push({ kind: 'spf', domain: r.details.domain, selector: null, result: r.result });
    } else if (r.check === 'dkim' && 'signatureIndex' in r.details && r.details.domain !== null) {
      ids.push({ kind: 'dkim', domain: r.details.domain.toLowerCase(), selector: r.details.selector, result: r.result });
    }
  }
  return ids;
}

function resultOf(evaluation: DmarcEvaluation, resolverLabel: string): DmarcCheckResult {
  const { evidence, ...rest } = evaluation;
  return {
    check: 'dmarc',
    subject: evaluation.authorDomain ?? '-',
    result: evaluation.result,
    severity: dmarcSeverity(evaluation),
    summary: dmarcSummary(evaluation),
    explanation: dmarcExplanation(evaluation),
    advice: dmarcAdvice(evaluation, resolverLabel),
    hopIndex: null,
    details: { ...rest, recordFound: evaluation.discovery?.record != null },
    evidence,
  };
}
