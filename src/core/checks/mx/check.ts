import { recordingResolver } from '../../dns/evidence.js';
import { perSubject } from '../per-subject.js';
import { identityDomain } from '../../hostnames/identity-domain.js';
import { judgeHostname } from '../../hostnames/judge.js';
import { lookUp } from '../../lookups/lookup.js';
import { notChecked } from '../not-checked.js';
import type { Hop } from '../../route/types.js';
import { envelopeOf, type Envelope } from '../envelope.js';
import { labelled, originalSenderNote, senderHops } from '../senders.js';
import type { Check, CheckContext, NotChecked, Verdict } from '../types.js';
import { evaluateMx, type DomainRole, type MxDetails, type MxResult } from './evaluate.js';
import { wordsOf } from './wording.js';

interface Subject {
  domain: string;
  roles: DomainRole[];
  /** A forward's original sender, when the domain is only its envelope sender's: the result is about that hop. */
  original: Hop | null;
}

export type MxCheckResult =
  | Verdict<'mx', MxResult, MxDetails>
  /** The domain is not a domain name: roles known, no targets looked up. */
  | NotChecked<'mx', { domain: string; roles: DomainRole[]; targets: [] }>
  | NotChecked<'mx', { domain: null }>;

/**
 * Can the sending domains receive mail? For the envelope-from (Return-Path) domain, where
 * bounces go, and the From: domain, where replies go: every MX target must be a host name
 * (not an IP address, RFC 5321 §5.1) with A/AAAA records of its own (not a CNAME, RFC 2181
 * §10.3). A lone "0 ." is RFC 7505's null MX: the domain accepts no mail. No MX at all means
 * the domain's own A/AAAA records act as its MX (RFC 5321 §5.1, "implicit MX"). For a forward,
 * also the original sender's envelope domain when the forwarder or list replaced it; that result
 * is about the original sender's hop.
 *
 * Result: pass (mail can be delivered to the domain), fail (an MX target is wrong, or a null
 * MX), none (the domain does not exist, or has neither MX nor A/AAAA), temperror (a lookup that
 * decides the answer got no usable answer).
 */
export const mxCheck: Check<'mx', MxCheckResult> = {
  name: 'mx',
  meta: {
    label: 'MX records',
    shortLabel: 'MX',
    summaryRank: 4,
    section: 'checks',
    locale: { label: 'check_mx', shortLabel: 'check_short_mx' },
  },
  after: [],
  async *run(ctx) {
    yield* perSubject(subjectsOf(ctx), noDomain, (s) => checkDomain(s, ctx));
  },
};

/** A recorded envelope sender, not the From: domain standing in for one (From: is a subject of its own). */
const recorded = (envelope: Envelope | null): string | null => (envelope && envelope.source !== 'from-header' ? envelope.mailFrom : null);

function subjectsOf(ctx: CheckContext): Subject[] {
  const senders = senderHops(ctx);
  const sender = senders.find((s) => s.role === 'sender');
  const first = senders.find((s) => s.role === 'original-sender');
  const candidates: Array<[string | null, DomainRole, Hop | null]> = [
    [identityDomain(sender ? recorded(envelopeOf(ctx, sender.hop)) : ctx.analysis.message.returnPath), 'envelope-from', null],
    [identityDomain(ctx.analysis.message.from), 'from', null],
    [first ? identityDomain(recorded(envelopeOf(ctx, first.hop))) : null, 'original-envelope-from', first?.hop ?? null],
  ];
  const subjects: Subject[] = [];
  for (const [domain, role, original] of candidates) {
    if (domain === null) continue;
    const same = subjects.find((s) => s.domain === domain);
    if (same) same.roles.push(role);
    else subjects.push({ domain, roles: [role], original });
  }
  return subjects;
}

function noDomain(): MxCheckResult {
  return notChecked('mx', {
    subject: '',
    summary: 'MX not checked: no sender domain',
    explanation: 'The message has neither a Return-Path nor a From: address with a domain, so there is no sending domain to check.',
    hopIndex: null,
    details: { domain: null },
  });
}

async function checkDomain(subject: Subject, ctx: CheckContext): Promise<MxCheckResult> {
  const { domain, roles, original } = subject;
  const role = original === null ? null : 'original-sender';
  const about = (summary: string, explanation: string) =>
    original === null
      ? { summary, explanation }
      : { summary: labelled(role, original, summary), explanation: `${originalSenderNote(original)} ${explanation}` };
  const hopIndex = original?.index ?? null;
  const verdict = judgeHostname(domain);
  if (!verdict.ok && verdict.problem !== 'private-suffix') {
    return notChecked('mx', {
      subject: domain,
      severity: 'warning',
      ...about(`${domain} is not a domain name: MX not checked`, verdict.explanation),
      hopIndex,
      details: { domain, roles, targets: [] },
    });
  }
  const recorder = recordingResolver(ctx.resolver);
  const lookup = await lookUp(recorder, domain, 'MX', ctx.signal);
  const evaluation = await evaluateMx(domain, lookup, recorder, ctx.signal);
  const { implicit, targets, summary, explanation, ...words } = wordsOf(domain, roles, evaluation, recorder.label);
  const targetsLeftOut = evaluation.kind === 'targets' ? evaluation.leftOut : 0;
  return {
    check: 'mx',
    subject: domain,
    hopIndex,
    ...words,
    ...about(summary, explanation),
    details: { domain, roles, implicit, targets, targetsLeftOut },
    evidence: recorder.evidence,
  };
}
