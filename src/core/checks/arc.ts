import type { ArcResultWord, ArcSetVerdict, ArcVerification } from '../arc/types.js';
import { verifyArcBytes } from '../arc/verify.js';
import type { AuthResultsHeader } from '../claims/types.js';
import type { Evidence } from '../dns/evidence.js';
import type { DkimResultWord } from '../dkim/types.js';
import { countOf } from '../text/plural.js';
import { notChecked } from './not-checked.js';
import type { Check, NotChecked, Severity, Verdict } from './types.js';

/** The chain's verdict: everything but the sets, which follow as results of their own. */
export type ArcChainDetails = Omit<ArcVerification, 'sets'> & { instances: number; sealers: string[] };

/** One set: what its seal and message signature prove, and what its intermediary claimed. */
export type ArcSetDetails = ArcSetVerdict & { role: 'set' };

export type ArcCheckResult =
  | Verdict<'arc', Exclude<ArcResultWord, 'none'>, ArcChainDetails>
  | Verdict<'arc', DkimResultWord | 'not-verified', ArcSetDetails>
  | NotChecked<'arc'>;

/**
 * ARC (RFC 8617), verified by Hoplens: the chain's result first, then one result per set (i=1
 * upwards), each naming its sealer and showing its ARC-Authentication-Results as what that
 * intermediary claimed. It is information about forwarders, never a DMARC result: a receiver
 * may use a passing chain from a sealer it trusts to accept a forward whose DMARC failed
 * (RFC 8617 §7.2), and Hoplens' own DMARC does not read it. A message without ARC fields has
 * no result (ARC only exists on forwarded mail), as then-vs-now has none without claims.
 * The key lookups go out at once, beside DKIM's.
 */
export const arcCheck: Check<'arc', ArcCheckResult> = {
  name: 'arc',
  meta: {
    label: 'ARC',
    shortLabel: 'ARC',
    summaryRank: 6,
    section: 'checks',
    locale: { label: 'check_arc', shortLabel: 'check_short_arc' },
  },
  after: [],
  async *run(ctx) {
    if (ctx.analysis.claims.arc.structure === 'none') return;
    if (!ctx.bytes) {
      yield notChecked('arc', {
        subject: '',
        summary: 'ARC not checked',
        explanation: "ARC was not checked, because the message's bytes were not given to the check.",
        hopIndex: null,
        details: {},
      });
      return;
    }
    const verification = await verifyArcBytes(ctx.bytes.bytes, {
      resolver: ctx.resolver,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      now: ctx.now ?? new Date(),
      exactBytes: ctx.bytes.exact,
      bodyAvailable: !ctx.analysis.message.headersOnly,
    });
    yield* arcResults(verification);
  },
};

const CHAIN_SEVERITY: Record<Exclude<ArcResultWord, 'none'>, Severity> = {
  pass: 'ok',
  neutral: 'info',
  temperror: 'warning',
  // A broken chain matters only where a forward fails DMARC; the DKIM and DMARC cards carry the rest.
  fail: 'warning',
};

/** The chain's result, then one per set; none for a message without ARC. */
export function arcResults(v: ArcVerification): ArcCheckResult[] {
  if (v.result === 'none') return [];
  const { sets, ...rest } = v;
  const sealers = [...new Set(sets.flatMap((s) => (s.seal?.domain ? [s.seal.domain] : [])))];
  const count = countOf(sets.length, 'set', 'sets');
  const chain: ArcCheckResult = {
    check: 'arc',
    subject: sealers.length > 0 ? `${count}: ${sealers.slice(0, 5).join(', ')}${sealers.length > 5 ? ', …' : ''}` : count,
    result: v.result,
    severity: CHAIN_SEVERITY[v.result],
    summary: `chain ${v.result}${v.failedInstance !== null ? ` at i=${v.failedInstance}` : ''} (${reasonWords(v)})`,
    explanation: `${v.explanation} ARC says who handled the message on the way and what each of them recorded; it is not a DMARC result, and Hoplens' DMARC does not count it.`,
    advice: chainAdvice(v),
    hopIndex: null,
    details: { ...rest, instances: sets.length, sealers },
    evidence: [],
  };
  return [chain, ...sets.map((s) => setResult(s, v))];
}

function reasonWords(v: ArcVerification): string {
  switch (v.reason) {
    case null:
      return `${countOf(v.sets.length, 'set', 'sets')} verified`;
    case 'too-many-sets':
      return 'over 50 sets';
    case 'cv-fail':
      return 'a sealer said cv=fail';
    case 'message-signature':
      return `message signature: ${v.sets.at(-1)?.messageSignature?.reason?.replace(/-/g, ' ') ?? 'does not verify'}`;
    case 'seal':
      return `seal: ${v.sets.find((s) => s.instance === v.failedInstance)?.seal?.reason?.replace(/-/g, ' ') ?? 'does not verify'}`;
    case 'structure':
      return 'sets missing or doubled';
    case 'key-lookup-failed':
      return 'key lookup failed';
    case 'body-unavailable':
      return 'seals verified; body not available';
  }
}

function chainAdvice(v: ArcVerification): string[] {
  const failed = v.sets.find((s) => s.instance === v.failedInstance);
  const sealer = failed?.seal?.domain ?? 'the intermediary';
  switch (v.reason) {
    case null:
      return [];
    case 'too-many-sets':
      return ['More than 50 sealers handled the message: look for a forwarding loop (two addresses forwarding to each other).'];
    case 'cv-fail':
      return [
        `${sealer} (i=${v.failedInstance}) found the chain broken when it received the message: look at what changed the message before it, usually the set below.`,
      ];
    case 'structure':
      return [
        'Each intermediary must add exactly one ARC-Seal, one ARC-Message-Signature and one ARC-Authentication-Results with the next instance: the one that added the faulty instance should fix its ARC signing (or turn ARC off).',
      ];
    case 'message-signature': {
      const ams = v.sets.at(-1)?.messageSignature;
      if (ams?.reason === 'body-hash-mismatch')
        return [
          `Something after ${sealer}, the last sealer, changed the body (a footer, a disclaimer, a content filter): seal after that change, or make it leave the body alone.`,
        ];
      if (ams?.reason === 'key-missing' || ams?.reason === 'key-revoked')
        return [`${sealer} should publish its sealing key at ${ams.keyName}, or seal with a selector that is published.`];
      return v.exactBytes
        ? [
            `Check that ${sealer} seals with the key published at ${ams?.keyName ?? 'its selector'}, and that nothing rewrites the signed header fields after it.`,
          ]
        : ['Check the saved message file (.eml) instead of pasted text, which may differ from the bytes that were sealed.'];
    }
    case 'seal':
      if (failed?.seal?.reason === 'key-missing' || failed?.seal?.reason === 'key-revoked')
        return [`${sealer} should publish its sealing key at ${failed.seal.keyName}, or seal with a selector that is published.`];
      return v.exactBytes
        ? [
            `An ARC set was changed after ${sealer} sealed it, or its key at ${failed?.seal?.keyName ?? 'its selector'} is not the one it seals with: nothing on the way may rewrite ARC header fields.`,
          ]
        : ['Check the saved message file (.eml) instead of pasted text, which may differ from the bytes that were sealed.'];
    case 'key-lookup-failed':
      return ["Run the analysis again; if it keeps failing, check that the sealer's name servers answer TXT queries."];
    case 'body-unavailable':
      return ['Give Hoplens the whole message (the .eml file, or "Download original") so that the last sealer\'s body hash is checked too.'];
  }
}

function setResult(s: ArcSetVerdict, v: ArcVerification): ArcCheckResult {
  const sealer = s.seal ? `d=${s.seal.domain ?? '?'} s=${s.seal.selector ?? '?'}` : 'no ARC-Seal';
  const verified = v.structure === 'intact' && v.reason !== 'too-many-sets' && v.reason !== 'cv-fail';
  const seal = verified && s.seal ? s.seal.result : 'not-verified';
  const ams = s.messageSignature;
  const amsWords = ams ? `message signature ${ams.result}` : verified ? 'message signature not needed (only the newest decides)' : null;
  const claimed = claimText(s.authResults);
  const shortClaim = s.authResults ? `; ${s.authResults.authservId || 'its writer'} claimed ${claimWords(s.authResults, 4) || 'nothing readable'}` : '';
  const sealText = !verified
    ? 'Not verified: the chain failed before its seals were checked.'
    : s.seal
      ? `Seal: ${s.seal.explanation}`
      : 'The set has no ARC-Seal.';
  const amsText = ams ? ` Message signature: ${ams.explanation}` : '';
  const evidence: Evidence[] = [...new Set([...(s.seal?.evidence ?? []), ...(ams?.evidence ?? [])])];
  return {
    check: 'arc',
    subject: `i=${s.instance} ${sealer}`,
    result: seal,
    severity: 'info',
    summary: `i=${s.instance} (cv=${s.cv ?? '?'}): seal ${seal}${amsWords ? `, ${amsWords}` : ''}${shortClaim}`,
    // The claim first: long text is cut in the views, and the claim is what a reader asks about.
    explanation: `${claimed} ${sealText}${amsText}`,
    advice: [],
    hopIndex: null,
    details: { ...s, role: 'set' },
    evidence,
  };
}

/** The ARC-Authentication-Results of a set, said as its writer's claim, never as a verdict. */
function claimText(header: AuthResultsHeader | null): string {
  if (header === null) return 'The set has no ARC-Authentication-Results.';
  const words = claimWords(header, 12);
  return `${header.authservId || 'The intermediary'} claimed when it got the message: ${words || 'no results it recorded could be read'} (its own words, not verified by Hoplens).`;
}

/** "spf=pass, dkim=pass, …": the first `count` method=result pairs of an AAR. */
function claimWords(header: AuthResultsHeader, count: number): string {
  const words = header.results.slice(0, count).map((r) => `${r.method}=${r.result}`);
  return header.results.length > count ? `${words.join(', ')}, …` : words.join(', ');
}
