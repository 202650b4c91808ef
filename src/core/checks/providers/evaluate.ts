import { identityDomain } from '../../hostnames/identity-domain.js';
import type { MessageInfo } from '../../message/types.js';
import { versionName } from '../../received/tls.js';
import type { Hop } from '../../route/types.js';
import type { DkimSignatureVerdict } from '../../dkim/types.js';
import type { dkimCheck } from '../dkim.js';
import type { dmarcCheck, DmarcDetails } from '../dmarc/check.js';
import type { DmarcResultWord } from '../../dmarc/types.js';
import type { iprevCheck } from '../iprev/check.js';
import type { spfCheck } from '../spf/check.js';
import { NOT_CHECKED, type ResultOf, type Verdict } from '../types.js';
import type { ProviderRequirements, RequirementId } from './requirements.js';

/** ✓, ✗, or "cannot tell from this message". */
export type Mark = 'met' | 'not-met' | 'cannot-tell';

export interface Judgement {
  mark: Mark;
  /** What Hoplens saw, in one sentence: its own verdict, or the receiving hop's record. */
  evidence: string;
}

/**
 * What the checklist reads: Hoplens' own verdicts about the sender and what the receiving hop
 * recorded. Never an Authentication-Results or any other verdict someone upstream could write.
 */
export interface ChecklistFacts {
  message: MessageInfo;
  /** The hop where the message entered the receiving side; its Received header is the receiver's. */
  origin: Hop | null;
  /** Why there is no origin, when there is none. */
  originMissing: string | null;
  /** The iprev result about the origin's IP. */
  iprev: ResultOf<typeof iprevCheck> | null;
  spf: ResultOf<typeof spfCheck> | null;
  dkim: readonly ResultOf<typeof dkimCheck>[];
  /** Hoplens' own DMARC result (RFC 9989) for the From domain. */
  dmarc: ResultOf<typeof dmarcCheck> | null;
}

type DkimResult = ChecklistFacts['dkim'][number];

function isSignature(r: DkimResult): r is Verdict<'dkim', DkimSignatureVerdict['result'], DkimSignatureVerdict> {
  return 'signatureIndex' in r.details;
}

/** Judges one requirement for one provider (the provider matters for its own From domains). */
export function judge(id: RequirementId, facts: ChecklistFacts, provider: ProviderRequirements): Judgement {
  return JUDGES[id](facts, provider);
}

const JUDGES: Readonly<Record<RequirementId, (facts: ChecklistFacts, provider: ProviderRequirements) => Judgement>> = {
  ptr: judgePtr,
  'spf-or-dkim': (facts) => either(judgeSpf(facts), judgeDkim(facts)),
  'spf-pass': judgeSpf,
  'dkim-pass': judgeDkim,
  'dmarc-record': judgeDmarcRecord,
  'dmarc-pass': judgeDmarcPass,
  tls: judgeTls,
  rfc5322: judgeFields,
  'not-provider-from': judgeOwnDomain,
  'one-click-unsubscribe': judgeUnsubscribe,
};

const met = (evidence: string): Judgement => ({ mark: 'met', evidence });
const notMet = (evidence: string): Judgement => ({ mark: 'not-met', evidence });
const cannotTell = (evidence: string): Judgement => ({ mark: 'cannot-tell', evidence });

function noSender(facts: ChecklistFacts): Judgement {
  return cannotTell(`No sending hop was found${facts.originMissing ? `: ${facts.originMissing.replace(/\.$/, '')}` : ''}.`);
}

/** Valid forward and reverse DNS is RFC 8601 §3's iprev pass: a PTR name that maps back to the IP. */
function judgePtr(facts: ChecklistFacts): Judgement {
  const r = facts.iprev;
  if (facts.origin === null) return noSender(facts);
  if (r === null) return cannotTell(`Reverse DNS of the sending IP ${facts.origin.received.ip ?? '(none recorded)'} was not checked.`);
  switch (r.result) {
    case 'pass':
      return met(`iprev pass: ${r.summary}.`);
    case 'fail':
    case 'permerror':
      return notMet(`iprev ${r.result}: ${r.summary}.`);
    case 'temperror':
      return cannotTell(`iprev temperror (a lookup failed transiently): ${r.summary}.`);
    case NOT_CHECKED:
      return cannotTell(`Reverse DNS not checked: ${r.explanation}`);
  }
}

/**
 * Hoplens' own SPF result for the envelope sender. When neither Return-Path nor the origin hop
 * recorded one, the SPF check stands in the From: domain, which is not what receivers checked:
 * a pass then would be a guess.
 */
function judgeSpf(facts: ChecklistFacts): Judgement {
  const r = facts.spf;
  if (facts.origin === null) return noSender(facts);
  if (r === null) return cannotTell('SPF was not checked.');
  if (r.result === NOT_CHECKED) return cannotTell(`SPF not checked: ${r.explanation}`);
  if (r.result === 'temperror') return cannotTell(`SPF temperror (a lookup failed transiently) for ${r.details.domain}.`);
  if (r.details.mailFromSource === 'from-header') {
    return cannotTell(`The message does not say its envelope sender; SPF ${r.result} is for the From: domain ${r.details.domain}, a stand-in.`);
  }
  const what = `SPF ${r.result} for ${r.details.domain} from ${r.details.ip}`;
  return r.result === 'pass' ? met(`${what}.`) : notMet(`${what}.`);
}

/** A DKIM signature Hoplens verified itself (RFC 6376); a header-only paste cannot pass. */
function judgeDkim(facts: ChecklistFacts): Judgement {
  const signatures = facts.dkim;
  const passing = signatures.find((r) => isSignature(r) && r.result === 'pass');
  if (passing) return met(`DKIM pass: ${passing.subject}.`);
  if (signatures.length === 0) return cannotTell('DKIM was not checked.');
  const open = signatures.find(
    (r) => r.result === NOT_CHECKED || r.result === 'temperror' || (isSignature(r) && r.result === 'neutral' && r.details.reason === 'body-unavailable'),
  );
  if (open) return cannotTell(`No signature passed, and one could not be verified: ${open.summary}.`);
  if (signatures.every((r) => r.result === 'none')) return notMet('The message carries no DKIM signature.');
  return notMet(`No DKIM signature passed: ${signatures.map((r) => r.summary).join('; ')}.`);
}

/** "SPF or DKIM": one pass is enough; it fails only when neither could pass. */
function either(spf: Judgement, dkim: Judgement): Judgement {
  if (spf.mark === 'met' || dkim.mark === 'met')
    return met(
      [spf, dkim]
        .filter((j) => j.mark === 'met')
        .map((j) => j.evidence)
        .join(' '),
    );
  const evidence = `${spf.evidence} ${dkim.evidence}`;
  return spf.mark === 'not-met' && dkim.mark === 'not-met' ? notMet(evidence) : cannotTell(evidence);
}

/** Hoplens' DMARC result, or why there is none to read. */
function dmarcOf(facts: ChecklistFacts): Verdict<'dmarc', DmarcResultWord, DmarcDetails> | Judgement {
  const r = facts.dmarc;
  if (r === null) return cannotTell('DMARC was not checked.');
  if (r.result === NOT_CHECKED) return cannotTell(`DMARC not checked: ${r.explanation}`);
  return r as Verdict<'dmarc', DmarcResultWord, DmarcDetails>;
}

/** RFC 9989 §4.10.1: a DMARC record applies to the From domain (its own, its Organizational Domain's or its PSD's). */
function judgeDmarcRecord(facts: ChecklistFacts): Judgement {
  const r = dmarcOf(facts);
  if ('mark' in r) return r;
  const d = r.details;
  if (d.recordFound && d.discovery?.record) {
    return met(`A DMARC record applies to ${d.authorDomain} (at _dmarc.${d.discovery.recordDomain}: ${d.discovery.record.text}).`);
  }
  switch (d.reason) {
    case 'no-policy':
      return notMet(`${r.summary}.`);
    case 'record-unusable':
      return notMet(`${r.summary}: it needs a valid p= (at least p=none).`);
    default:
      return cannotTell(`${r.summary}.`);
  }
}

/** DMARC pass (RFC 9989): an SPF- or DKIM-authenticated identifier aligned with the From domain. */
function judgeDmarcPass(facts: ChecklistFacts): Judgement {
  const r = dmarcOf(facts);
  if ('mark' in r) return r;
  switch (r.result) {
    case 'pass':
      return met(`${r.summary}.`);
    case 'fail':
    case 'none':
    case 'permerror':
      return notMet(`${r.summary}.`);
    default:
      return cannotTell(`${r.summary}.`);
  }
}

/**
 * TLS on the hop into the receiver, as the receiving server recorded it: its TLS comment, or the
 * protocol word of RFC 3848 (ESMTPS and ESMTPSA mean STARTTLS; ESMTP and SMTP mean none).
 */
function judgeTls(facts: ChecklistFacts): Judgement {
  const hop = facts.origin;
  if (hop === null) return noSender(facts);
  const by = hop.received.by ?? 'the receiving server';
  const tls = hop.received.tls;
  if (tls !== null) {
    const version = tls.version === null ? 'TLS' : versionName(tls.version);
    return met(`${by} recorded ${version}${tls.cipher ? ` with ${tls.cipher}` : ''} for the connection from ${hop.received.ip ?? 'the sender'}.`);
  }
  const protocol = hop.received.with;
  if (protocol !== null && /^(ESMTPS|ESMTPSA|UTF8SMTPS|UTF8SMTPSA)$/i.test(protocol)) return met(`${by} recorded "with ${protocol}" (RFC 3848: over TLS).`);
  if (protocol !== null && /^(SMTP|ESMTP|ESMTPA|UTF8SMTP|UTF8SMTPA)$/i.test(protocol)) {
    return notMet(`${by} recorded "with ${protocol}" and no TLS: the message came in without TLS (RFC 3848).`);
  }
  return cannotTell(`${by} recorded ${protocol === null ? 'no protocol' : `"with ${protocol}"`} and no TLS details, so the header does not say.`);
}

/** RFC 5322 §3.6: exactly one From and one Date; Message-ID is a SHOULD that the providers require. */
function judgeFields(facts: ChecklistFacts): Judgement {
  const counts = new Map<string, number>();
  for (const field of facts.message.headers) {
    const name = field.name.trim().toLowerCase();
    if (name === 'from' || name === 'date' || name === 'message-id') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const problems: string[] = [];
  const once = (name: string, label: string, readable: boolean) => {
    const n = counts.get(name) ?? 0;
    if (n === 0) problems.push(`no ${label} field`);
    else if (n > 1) problems.push(`${n} ${label} fields`);
    else if (!readable) problems.push(`a ${label} field that cannot be read`);
  };
  once('from', 'From:', facts.message.from !== null);
  once('date', 'Date:', facts.message.date !== null);
  once('message-id', 'Message-ID:', facts.message.messageId !== null);
  if (problems.length > 0) return notMet(`The message has ${problems.join(', ')} (RFC 5322 §3.6 wants one of each).`);
  return met('One From:, one Date: and one Message-ID: field, each readable (a server on the way may add a missing Message-ID or Date).');
}

/** A From: in the provider's own domains is the provider's to send; anyone else's is impersonation. */
function judgeOwnDomain(facts: ChecklistFacts, provider: ProviderRequirements): Judgement {
  const domain = identityDomain(facts.message.from);
  if (domain === null) return cannotTell('The message has no readable From: address.');
  if (!provider.ownDomains.includes(domain)) return met(`The From: domain ${domain} is not one of ${provider.name}'s own (${provider.ownDomains.join(', ')}).`);
  const dmarc = facts.dmarc;
  const own = `The From: domain is ${domain}, ${provider.name}'s own`;
  if (dmarc?.result === 'pass') return met(`${own}, and DMARC passes: ${provider.name} itself sent it.`);
  if (dmarc?.result === 'fail') return notMet(`${own}, and DMARC fails: someone else claims to be ${provider.name}.`);
  return cannotTell(`${own}: only a DMARC pass would show that ${provider.name} itself sent it.`);
}

/**
 * RFC 8058: a List-Unsubscribe with an https URI (§3.1), "List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click" (§3.1), and both fields covered by a valid DKIM signature (§4).
 * Transactional mail is exempt, which the evidence says.
 */
function judgeUnsubscribe(facts: ChecklistFacts): Judgement {
  const valuesOf = (name: string) => facts.message.headers.filter((f) => f.name.trim().toLowerCase() === name).map((f) => f.value);
  const lists = valuesOf('list-unsubscribe');
  const posts = valuesOf('list-unsubscribe-post');
  const exempt = ' Transactional mail (receipts, password resets) is exempt.';
  if (lists.length === 0) return notMet(`The message has no List-Unsubscribe field.${exempt}`);
  if (!lists.some((v) => /<\s*https:\/\//i.test(v)))
    return notMet(`List-Unsubscribe has no https URI, which one-click unsubscribe posts to (RFC 8058 §3.1).${exempt}`);
  if (!posts.some((v) => /^\s*List-Unsubscribe\s*=\s*One-Click\s*$/i.test(v))) {
    return notMet(
      `${posts.length === 0 ? 'There is no List-Unsubscribe-Post field' : 'List-Unsubscribe-Post is not "List-Unsubscribe=One-Click"'} (RFC 8058 §3.1).${exempt}`,
    );
  }
  const covering = facts.dkim
    .filter(isSignature)
    .find((r) => r.result === 'pass' && ['list-unsubscribe', 'list-unsubscribe-post'].every((h) => r.details.signedHeaders.includes(h)));
  if (covering) return met(`List-Unsubscribe with an https URI and List-Unsubscribe-Post: List-Unsubscribe=One-Click, both signed by ${covering.subject}.`);
  const dkim = judgeDkim(facts);
  if (dkim.mark === 'cannot-tell')
    return cannotTell(`Both fields are there, but whether a valid DKIM signature covers them (RFC 8058 §4) is unknown: ${dkim.evidence}`);
  return notMet(`Both fields are there, but no valid DKIM signature covers them, which RFC 8058 §4 requires.`);
}
