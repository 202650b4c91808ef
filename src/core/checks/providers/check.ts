import { dkimCheck } from '../dkim.js';
import { dmarcCheck } from '../dmarc/check.js';
import { iprevCheck } from '../iprev/check.js';
import { spfCheck } from '../spf/check.js';
import type { Check, CheckContext, Severity, Verdict } from '../types.js';
import { judge, type ChecklistFacts, type Mark } from './evaluate.js';
import { PROVIDERS, REQUIREMENT_NAMES, type ProviderId, type ProviderRequirements, type RequirementId, type Tier } from './requirements.js';

/** One published requirement, judged for this message. */
export interface ChecklistLine {
  requirement: RequirementId;
  tier: Tier;
  /** The requirement in Hoplens' words, the same for every provider: the checklist's row. */
  label: string;
  /** The requirement as the provider states it. */
  text: string;
  mark: Mark;
  evidence: string;
}

/** How a tier fares: every line met, one not met, one unknown, or the provider lists none. */
export type TierOutcome = Mark | 'none-published';

export interface ProviderChecklist {
  provider: ProviderId;
  name: string;
  bulkSenders: string;
  source: ProviderRequirements['source'];
  allSenders: TierOutcome;
  bulk: TierOutcome;
  lines: ChecklistLine[];
  notInMessage: ProviderRequirements['notInMessage'];
}

/**
 * The checklist's words: met (every line of both tiers), all-senders-met (bulk lines missing or
 * unknown), not-met (an all-sender line is not met), cannot-tell (an all-sender line is unknown).
 */
export type ChecklistWord = 'met' | 'all-senders-met' | 'not-met' | 'cannot-tell';

export type ProvidersCheckResult = Verdict<'providers', ChecklistWord, ProviderChecklist>;

type After = readonly [typeof iprevCheck, typeof spfCheck, typeof dkimCheck, typeof dmarcCheck];

/**
 * Will Gmail, Yahoo and Outlook.com accept this sender? One result per provider, each of its
 * published requirements a line with ✓ / ✗ / cannot tell and the evidence. It reads only
 * Hoplens' own verdicts and the receiving hop's record, never a verdict written upstream.
 */
export const providersCheck: Check<'providers', ProvidersCheckResult, After> = {
  name: 'providers',
  meta: {
    label: "Providers' requirements",
    shortLabel: 'providers',
    summaryRank: -1,
    section: 'checklist',
    locale: { label: 'check_providers', shortLabel: 'check_short_providers' },
  },
  after: [iprevCheck, spfCheck, dkimCheck, dmarcCheck],
  async *run(ctx) {
    const facts = factsOf(ctx);
    for (const provider of PROVIDERS) yield checklistOf(provider, facts, ctx.origin?.index ?? null);
  },
};

function factsOf(ctx: CheckContext<After>): ChecklistFacts {
  const origin = ctx.origin;
  const ip = origin?.received.ip ?? null;
  let iprev: ChecklistFacts['iprev'] = null;
  let spf: ChecklistFacts['spf'] = null;
  let dmarc: ChecklistFacts['dmarc'] = null;
  const dkim: ChecklistFacts['dkim'][number][] = [];
  for (const r of ctx.earlier) {
    if (r.check === 'iprev' && origin !== null && (r.hopIndex === origin.index || r.subject === ip)) iprev ??= r;
    // SPF may also have run on a forward's original sender; the checklist is about the origin.
    else if (r.check === 'spf' && r.hopIndex === (origin?.index ?? null)) spf ??= r;
    else if (r.check === 'dkim') dkim.push(r);
    else if (r.check === 'dmarc') dmarc ??= r;
  }
  return {
    message: ctx.analysis.message,
    origin,
    originMissing: ctx.analysis.route.originMissingReason,
    iprev,
    spf,
    dkim,
    dmarc,
  };
}

/** One provider's checklist for the facts: each line judged, each tier summed up, one sentence. */
export function checklistOf(provider: ProviderRequirements, facts: ChecklistFacts, hopIndex: number | null): ProvidersCheckResult {
  const lines: ChecklistLine[] = provider.requirements.map((r) => ({
    requirement: r.id,
    tier: r.tier,
    label: REQUIREMENT_NAMES[r.id].label,
    text: r.text,
    ...judge(r.id, facts, provider),
  }));
  const allSenders = outcomeOf(lines.filter((l) => l.tier === 'all'));
  const bulk = outcomeOf(lines.filter((l) => l.tier === 'bulk'));
  const result = wordOf(allSenders, bulk);
  return {
    check: 'providers',
    subject: provider.name,
    result,
    severity: severityOf(allSenders, bulk),
    summary: `${provider.name}: ${[tierPhrase('all', allSenders, lines), tierPhrase('bulk', bulk, lines)].filter((p) => p !== null).join('; ')}`,
    explanation: `${provider.name} publishes its requirements in "${provider.source.title}" (${provider.source.url}); bulk senders are ${provider.bulkSenders}. Each line reads Hoplens' own checks and what the receiving server recorded for the hop into it, never a verdict written into the message upstream.`,
    advice: lines.filter((l) => l.mark === 'not-met').map((l) => `${l.tier === 'bulk' ? 'Bulk senders: ' : ''}${l.text}. ${l.evidence}`),
    hopIndex,
    details: {
      provider: provider.id,
      name: provider.name,
      bulkSenders: provider.bulkSenders,
      source: provider.source,
      allSenders,
      bulk,
      lines,
      notInMessage: provider.notInMessage,
    },
    evidence: [],
  };
}

function outcomeOf(lines: readonly ChecklistLine[]): TierOutcome {
  if (lines.length === 0) return 'none-published';
  if (lines.some((l) => l.mark === 'not-met')) return 'not-met';
  if (lines.some((l) => l.mark === 'cannot-tell')) return 'cannot-tell';
  return 'met';
}

function wordOf(allSenders: TierOutcome, bulk: TierOutcome): ChecklistWord {
  if (allSenders === 'not-met' || allSenders === 'cannot-tell') return allSenders;
  return bulk === 'met' || bulk === 'none-published' ? 'met' : 'all-senders-met';
}

function severityOf(allSenders: TierOutcome, bulk: TierOutcome): Severity {
  if (allSenders === 'not-met') return 'error';
  if (bulk === 'not-met') return 'warning';
  return allSenders === 'cannot-tell' || bulk === 'cannot-tell' ? 'info' : 'ok';
}

/**
 * "meets all-sender requirements", "bulk: DKIM, one-click unsubscribe missing", "bulk: cannot
 * tell DMARC record": what is not met first; what cannot be told only when nothing is missing.
 * Null for a tier the provider publishes nothing for.
 */
function tierPhrase(tier: Tier, outcome: TierOutcome, lines: readonly ChecklistLine[]): string | null {
  if (outcome === 'none-published') return null;
  if (outcome === 'met') return tier === 'all' ? 'meets all-sender requirements' : 'meets bulk-sender requirements';
  const names = [...new Set(lines.filter((l) => l.tier === tier && l.mark === outcome).map((l) => REQUIREMENT_NAMES[l.requirement].name))].join(', ');
  const who = tier === 'all' ? 'all senders' : 'bulk';
  return outcome === 'not-met' ? `${who}: ${names} missing` : `${who}: cannot tell ${names}`;
}
