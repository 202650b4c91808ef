import { dateOf } from '../dkim/timing.js';
import { verifyDkimBytes } from '../dkim/verify.js';
import type { DkimResultWord, DkimSignatureVerdict, DkimVerification } from '../dkim/types.js';
import { notChecked } from './not-checked.js';
import type { Check, CheckContext, NotChecked, Severity, Verdict } from './types.js';

/** One result per signature (its verdict as details), or the message's lack of one. */
export type DkimCheckResult =
  | Verdict<'dkim', DkimResultWord, DkimSignatureVerdict>
  | Verdict<'dkim', 'none', { signaturesFound: 0 }>
  | NotChecked<'dkim', { signaturesFound: number; notVerified: number }>
  | NotChecked<'dkim'>;

/**
 * DKIM (RFC 6376, RFC 8301, RFC 8463), verified by Hoplens itself: every DKIM-Signature of the
 * message, each its own result in RFC 8601's words, with the key lookup as evidence. The key
 * lookups go out at once, beside the other checks' first queries; the hashing happens while
 * they travel. `details` is the signature's DkimSignatureVerdict, which DMARC reads (d= and
 * result).
 */
export const dkimCheck: Check<'dkim', DkimCheckResult> = {
  name: 'dkim',
  meta: {
    label: 'DKIM',
    shortLabel: 'DKIM',
    summaryRank: 3,
    section: 'checks',
    locale: { label: 'check_dkim', shortLabel: 'check_short_dkim' },
  },
  after: [],
  async *run(ctx) {
    if (!ctx.bytes) {
      yield unchecked("the message's bytes were not given to the check");
      return;
    }
    const verification = await verifyDkimBytes(ctx.bytes.bytes, {
      resolver: ctx.resolver,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      now: ctx.now ?? new Date(),
      arrivedAt: arrivalOf(ctx.analysis),
      exactBytes: ctx.bytes.exact,
      bodyAvailable: !ctx.analysis.message.headersOnly,
    });
    yield* dkimResults(verification);
  },
};

/** One result per signature verified, or the one result saying there is none. */
export function dkimResults(verification: DkimVerification): DkimCheckResult[] {
  if (verification.signaturesFound === 0) return [unsigned()];
  const results: DkimCheckResult[] = verification.signatures.map((verdict) => resultOf(verdict, verification));
  const skipped = verification.signaturesFound - verification.signatures.length;
  if (skipped > 0) results.push(overCap(skipped, verification.signaturesFound));
  return results;
}

/**
 * When the message reached the receiving side: the date its receiving hop recorded (the
 * origin's), else the topmost Received, which is when the mailbox got it.
 */
function arrivalOf(analysis: CheckContext['analysis']): Date | null {
  const hops = analysis.route.hops;
  const origin = analysis.route.origin ? hops[analysis.route.origin.hopIndex] : undefined;
  return dateOf(origin?.received.date ?? hops.at(-1)?.received.date ?? null);
}

const SEVERITY: Record<DkimResultWord, Severity> = {
  pass: 'ok',
  none: 'warning',
  neutral: 'info',
  policy: 'warning',
  temperror: 'warning',
  permerror: 'error',
  fail: 'error',
};

function resultOf(v: DkimSignatureVerdict, all: DkimVerification): DkimCheckResult {
  const subject = `d=${v.domain ?? '?'} s=${v.selector ?? '?'}`;
  return {
    check: 'dkim',
    subject,
    result: v.result,
    severity: v.result === 'pass' && (v.key?.testing || v.bodyCoverage === 'partial') ? 'warning' : SEVERITY[v.result],
    summary: `${subject}: ${v.result}${summaryReason(v)}`,
    explanation: `${v.explanation} ${facts(v)}`,
    advice: adviceOf(v, all),
    hopIndex: null,
    details: v,
    evidence: v.evidence,
  };
}

function summaryReason(v: DkimSignatureVerdict): string {
  const key = v.key ? `${v.key.type === 'rsa' ? `${v.key.bits}-bit RSA` : 'Ed25519'} key` : null;
  switch (v.reason) {
    case null:
      return key ? ` (${key}${v.timing === 'expired-after-arrival' ? '; expired since it arrived' : ''})` : '';
    case 'body-unavailable':
      return ' (headers signed correctly; body not available)';
    case 'body-hash-mismatch':
      return ' (body hash mismatch)';
    case 'signature-mismatch':
      return ' (signature mismatch)';
    case 'rsa-sha1':
      return ' (rsa-sha1 is not valid under RFC 8301)';
    case 'key-too-small':
      return ` (RSA key under 1024 bits, not valid under RFC 8301)`;
    default:
      return ` (${v.reason.replace(/-/g, ' ')})`;
  }
}

/** The signature's facts in one sentence, for every view and export. */
function facts(v: DkimSignatureVerdict): string {
  const parts = [`a=${v.algorithm ?? '?'}`, `c=${v.canonicalization ?? 'simple/simple'}`, v.identity ? `i=${v.identity}` : null].filter((p) => p !== null);
  const covered =
    v.signedHeaders.length > 0
      ? ` It covers ${v.signedHeaders.join(', ')}${v.absentHeaders.length > 0 ? ` (over-signed, no such field: ${v.absentHeaders.join(', ')})` : ''}.`
      : '';
  const body =
    v.bodyCoverage === 'whole'
      ? ' The whole body is signed.'
      : v.bodyCoverage === 'partial'
        ? ` Only ${v.bodyLength} of the body's ${v.canonicalBodySize} bytes are signed (l=).`
        : v.bodyCoverage === 'not-available'
          ? ' The body was not available.'
          : '';
  const key = v.key
    ? ` Key: ${v.key.type === 'rsa' ? `RSA, ${v.key.bits} bits` : 'Ed25519'}${v.key.format === 'pkcs1' ? ' (published as PKCS#1, not SubjectPublicKeyInfo)' : ''}, at ${v.keyName}.`
    : '';
  return `Signature: ${parts.join(', ')}.${covered}${body}${key}`;
}

function adviceOf(v: DkimSignatureVerdict, all: DkimVerification): string[] {
  const domain = v.domain ?? 'the signing domain';
  switch (v.reason) {
    case 'key-missing':
      return [`Publish the public key as a TXT record at ${v.keyName}, or make the signer use a selector that is published.`];
    case 'key-revoked':
      return [`The key at ${v.keyName} is revoked: make the signer use the current selector, or publish a new key.`];
    case 'rsa-sha1':
      return ['Sign with rsa-sha256 (or ed25519-sha256 beside it): RFC 8301 retired rsa-sha1.'];
    case 'key-too-small':
      return [`Publish a 2048-bit RSA key under a new selector for ${domain} and switch the signer to it.`];
    case 'body-hash-mismatch':
      return [
        'Something after the signer changed the body: look for a footer, disclaimer or content filter added on the way, and sign after it, or use c=relaxed/relaxed.',
      ];
    case 'signature-mismatch':
      return all.exactBytes
        ? [`Check that the key published at ${v.keyName} is the one the signer uses, and that nothing rewrites signed header fields after signing.`]
        : ['Verify the saved message file (.eml) instead of pasted text, which may differ from the bytes that were signed.'];
    case 'key-lookup-failed':
      return ["Run the analysis again; if it keeps failing, check that the domain's name servers answer TXT queries."];
    case 'body-unavailable':
      return ['Give Hoplens the whole message (the .eml file, or "Download original") to check the body hash too.'];
    case 'expired':
      return ['Set a longer expiry (x=) in the signer, or none: the signature expires before receivers check it.'];
    case 'key-syntax':
    case 'key-base64':
    case 'key-invalid':
      return [`Republish the key record at ${v.keyName} as "v=DKIM1; k=${v.algorithm?.startsWith('ed25519') ? 'ed25519' : 'rsa'}; p=<base64 key>".`];
    case 'key-strict-identity':
      return [`Remove t=s from the key record at ${v.keyName}, or sign with an i= in ${domain} itself.`];
    case null:
      return v.key?.testing
        ? [`Remove t=y from the key record at ${v.keyName} once signing works: receivers treat test-mode mail as unsigned.`]
        : v.bodyCoverage === 'partial'
          ? ['Sign the whole body (drop l=): text appended after the signed part is unprotected.']
          : v.key?.type === 'rsa' && v.key.bits < 2048
            ? [`The ${v.key.bits}-bit key is accepted but weak: move to 2048 bits (RFC 8301 §3.2).`]
            : [];
    default:
      return [];
  }
}

function unsigned(): DkimCheckResult {
  return {
    check: 'dkim',
    subject: '',
    result: 'none',
    severity: 'warning',
    summary: 'No DKIM signature',
    explanation:
      'The message carries no DKIM-Signature field, so no domain vouches for it. Gmail, Yahoo and Outlook.com require DKIM of bulk senders, and DMARC cannot pass on DKIM without it.',
    advice: [
      "Turn on DKIM signing in the sending service or MTA (OpenDKIM, rspamd, the provider's console) and publish its key under selector._domainkey.yourdomain.",
    ],
    hopIndex: null,
    details: { signaturesFound: 0 },
    evidence: [],
  };
}

function overCap(skipped: number, found: number): DkimCheckResult {
  return notChecked('dkim', {
    subject: '',
    severity: 'warning',
    summary: `${skipped} more DKIM signatures not verified`,
    explanation: `The message carries ${found} DKIM-Signature fields; Hoplens verifies the topmost ${found - skipped}, as RFC 6376 §6.1 lets verifiers limit them. Real mail has one to three: this many is a sign of a hostile message.`,
    hopIndex: null,
    details: { signaturesFound: found, notVerified: skipped },
  });
}

function unchecked(why: string): DkimCheckResult {
  return notChecked('dkim', { subject: '', summary: 'DKIM not checked', explanation: `DKIM was not checked, because ${why}.`, hopIndex: null, details: {} });
}
