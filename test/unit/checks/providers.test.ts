import { describe, expect, it } from 'vitest';
import type { DkimSignatureVerdict } from '../../../src/core/dkim/types.js';
import { checklistOf, providersCheck, type ProvidersCheckResult } from '../../../src/core/checks/providers/check.js';
import { judge, type ChecklistFacts } from '../../../src/core/checks/providers/evaluate.js';
import { PROVIDERS, type ProviderRequirements, type RequirementId } from '../../../src/core/checks/providers/requirements.js';
import { notChecked } from '../../../src/core/checks/not-checked.js';
import type { HeaderField, MessageInfo } from '../../../src/core/message/types.js';
import type { TlsInfo } from '../../../src/core/received/types.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { analysisOf, hops } from './analysis.js';

const GMAIL = PROVIDERS.find((p) => p.id === 'gmail')!;
const OUTLOOK = PROVIDERS.find((p) => p.id === 'outlook')!;

const FIELDS: HeaderField[] = [
  { name: 'From', value: 'Alice <alice@example.com>' },
  { name: 'Date', value: 'Tue, 14 Oct 2025 09:12:02 +0000' },
  { name: 'Message-ID', value: '<1@example.com>' },
];
const ONE_CLICK: HeaderField[] = [
  { name: 'List-Unsubscribe', value: '<https://example.com/u/1>, <mailto:u@example.com>' },
  { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
];

interface Options {
  iprev?: 'pass' | 'fail' | 'permerror' | 'temperror' | 'not-checked' | null;
  spf?: 'pass' | 'fail' | 'softfail' | 'none' | 'temperror' | 'not-checked' | null;
  dkim?: { result: DkimSignatureVerdict['result']; reason?: DkimSignatureVerdict['reason']; signed?: string[] }[] | 'unsigned' | 'not-checked';
  tls?: TlsInfo | null;
  with?: string | null;
  message?: Partial<MessageInfo>;
  headers?: HeaderField[];
  origin?: boolean;
  /** Where the SPF check found the envelope sender. */
  spfSource?: 'return-path' | 'received' | 'from-header';
  dmarc?: { result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror'; reason: string; record?: string } | 'not-checked' | null;
}

/** Facts as the checks would hand them over, each stated only where a test needs it. */
function facts(o: Options = {}): ChecklistFacts {
  const route = hops({
    helo: 'mail.example.com',
    ip: '203.0.113.25',
    by: 'mx.example.net',
    with: o.with === undefined ? 'ESMTPS' : o.with,
    tls: o.tls ?? null,
  });
  const analysis = analysisOf({
    hops: route,
    originIndex: o.origin === false ? null : 0,
    headers: o.headers ?? FIELDS,
    message: { from: 'alice@example.com', date: '2025-10-14T09:12:02.000Z', messageId: '<1@example.com>', returnPath: 'alice@example.com', ...o.message },
  });
  const base = { subject: '203.0.113.25', severity: 'ok' as const, summary: 'summary', explanation: 'why', advice: [], hopIndex: 0, evidence: [] };
  const iprevWord = o.iprev === undefined ? 'pass' : o.iprev;
  const spfWord = o.spf === undefined ? 'pass' : o.spf;
  const dkim = o.dkim ?? [{ result: 'pass' }];
  return {
    message: analysis.message,
    origin: analysis.route.origin ? route[0]! : null,
    originMissing: analysis.route.originMissingReason,
    iprev:
      iprevWord === null
        ? null
        : iprevWord === 'not-checked'
          ? notChecked('iprev', {
              subject: '203.0.113.25',
              summary: 's',
              explanation: 'the resolver was off.',
              hopIndex: 0,
              details: { ip: '203.0.113.25', ipClass: 'documentation' as const },
            })
          : ({ ...base, check: 'iprev', result: iprevWord, details: {} } as unknown as ChecklistFacts['iprev']),
    spf:
      spfWord === null
        ? null
        : spfWord === 'not-checked'
          ? notChecked('spf', { subject: '-', summary: 's', explanation: 'no sender.', hopIndex: 0, details: {} })
          : ({
              ...base,
              check: 'spf',
              subject: 'example.com',
              result: spfWord,
              details: { domain: 'example.com', ip: '203.0.113.25', mailFromSource: o.spfSource ?? 'return-path' },
            } as unknown as ChecklistFacts['spf']),
    dkim:
      dkim === 'not-checked'
        ? [notChecked('dkim', { subject: '-', summary: 'DKIM not checked', explanation: 'no bytes.', hopIndex: null, details: {} })]
        : dkim === 'unsigned'
          ? [{ ...base, check: 'dkim', subject: '-', result: 'none', details: { signaturesFound: 0 } }]
          : dkim.map(
              (d, i) =>
                ({
                  ...base,
                  check: 'dkim',
                  subject: `d=example.com s=s${i}`,
                  result: d.result,
                  details: { signatureIndex: i, result: d.result, reason: d.reason ?? null, signedHeaders: d.signed ?? ['from'] },
                }) as unknown as ChecklistFacts['dkim'][number],
            ),
    dmarc: dmarcOf(o.dmarc === undefined ? { result: 'pass', reason: 'aligned-pass', record: 'v=DMARC1; p=none' } : o.dmarc),
  };
}

function dmarcOf(d: Options['dmarc']): ChecklistFacts['dmarc'] {
  if (d === null || d === undefined) return null;
  if (d === 'not-checked') return notChecked('dmarc', { subject: '-', summary: 's', explanation: 'no From.', hopIndex: null, details: {} });
  const record = d.record ? { text: d.record } : null;
  return {
    check: 'dmarc',
    subject: 'example.com',
    result: d.result,
    severity: 'ok',
    summary: `DMARC ${d.result}: example.com`,
    explanation: 'why',
    advice: [],
    hopIndex: null,
    evidence: [],
    details: { authorDomain: 'example.com', reason: d.reason, recordFound: record !== null, discovery: { record, recordDomain: 'example.com' } },
  } as unknown as ChecklistFacts['dmarc'];
}

const mark = (id: RequirementId, f: ChecklistFacts, provider: ProviderRequirements = GMAIL) => judge(id, f, provider).mark;

describe('providers checklist: each line', () => {
  it('reverse DNS: iprev pass ✓; fail and permerror ✗; temperror, not checked or no sender: cannot tell', () => {
    expect(mark('ptr', facts())).toBe('met');
    expect(mark('ptr', facts({ iprev: 'fail' }))).toBe('not-met');
    expect(mark('ptr', facts({ iprev: 'permerror' }))).toBe('not-met');
    expect(mark('ptr', facts({ iprev: 'temperror' }))).toBe('cannot-tell');
    expect(mark('ptr', facts({ iprev: 'not-checked' }))).toBe('cannot-tell');
    expect(mark('ptr', facts({ origin: false }))).toBe('cannot-tell');
  });

  it('SPF: pass ✓; fail, softfail, none ✗; temperror cannot tell; a From: stand-in for a missing envelope sender cannot tell', () => {
    expect(mark('spf-pass', facts())).toBe('met');
    for (const spf of ['fail', 'softfail', 'none'] as const) expect(mark('spf-pass', facts({ spf }))).toBe('not-met');
    expect(mark('spf-pass', facts({ spf: 'temperror' }))).toBe('cannot-tell');
    expect(mark('spf-pass', facts({ spf: 'not-checked' }))).toBe('cannot-tell');
    expect(mark('spf-pass', facts({ spfSource: 'from-header' }))).toBe('cannot-tell');
    expect(mark('spf-pass', facts({ spfSource: 'received' }))).toBe('met');
  });

  it('DKIM: a verified pass ✓; unsigned or failing ✗; a key lookup temperror, a body not given, or no bytes: cannot tell', () => {
    expect(mark('dkim-pass', facts({ dkim: [{ result: 'fail' }, { result: 'pass' }] }))).toBe('met');
    expect(mark('dkim-pass', facts({ dkim: 'unsigned' }))).toBe('not-met');
    expect(mark('dkim-pass', facts({ dkim: [{ result: 'fail', reason: 'body-hash-mismatch' }] }))).toBe('not-met');
    expect(mark('dkim-pass', facts({ dkim: [{ result: 'temperror' }] }))).toBe('cannot-tell');
    expect(mark('dkim-pass', facts({ dkim: [{ result: 'neutral', reason: 'body-unavailable' }] }))).toBe('cannot-tell');
    expect(mark('dkim-pass', facts({ dkim: 'not-checked' }))).toBe('cannot-tell');
  });

  it('SPF or DKIM: one pass is enough; ✗ only when both are ✗', () => {
    expect(mark('spf-or-dkim', facts({ spf: 'fail' }))).toBe('met');
    expect(mark('spf-or-dkim', facts({ dkim: 'unsigned' }))).toBe('met');
    expect(mark('spf-or-dkim', facts({ spf: 'fail', dkim: 'unsigned' }))).toBe('not-met');
    expect(mark('spf-or-dkim', facts({ spf: 'temperror', dkim: 'unsigned' }))).toBe('cannot-tell');
  });

  it('DMARC record: a record that applies ✓; none or no usable policy ✗; a failed lookup or no DMARC result: cannot tell', () => {
    expect(judge('dmarc-record', facts(), GMAIL)).toMatchObject({ mark: 'met', evidence: expect.stringContaining('v=DMARC1; p=none') });
    expect(mark('dmarc-record', facts({ dmarc: { result: 'none', reason: 'no-policy' } }))).toBe('not-met');
    expect(mark('dmarc-record', facts({ dmarc: { result: 'permerror', reason: 'record-unusable', record: 'v=DMARC1; p=bogus' } }))).toBe('met');
    expect(mark('dmarc-record', facts({ dmarc: { result: 'permerror', reason: 'record-unusable' } }))).toBe('not-met');
    expect(mark('dmarc-record', facts({ dmarc: { result: 'temperror', reason: 'policy-lookup-failed' } }))).toBe('cannot-tell');
    expect(mark('dmarc-record', facts({ dmarc: 'not-checked' }))).toBe('cannot-tell');
    expect(mark('dmarc-record', facts({ dmarc: null }))).toBe('cannot-tell');
  });

  it('DMARC pass: Hoplens’ own DMARC pass ✓; fail, none, permerror ✗; temperror cannot tell', () => {
    expect(mark('dmarc-pass', facts())).toBe('met');
    expect(mark('dmarc-pass', facts({ dmarc: { result: 'fail', reason: 'no-aligned-pass', record: 'v=DMARC1; p=reject' } }))).toBe('not-met');
    expect(mark('dmarc-pass', facts({ dmarc: { result: 'none', reason: 'no-policy' } }))).toBe('not-met');
    expect(mark('dmarc-pass', facts({ dmarc: { result: 'permerror', reason: 'multiple-author-domains' } }))).toBe('not-met');
    expect(mark('dmarc-pass', facts({ dmarc: { result: 'temperror', reason: 'alignment-lookup-failed' } }))).toBe('cannot-tell');
  });

  it("TLS: the receiving hop's TLS record or ESMTPS ✓; ESMTP without TLS ✗; a protocol that does not say: cannot tell", () => {
    const tls = judge('tls', facts({ with: 'ESMTP', tls: { version: 'TLS1_2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384', bits: 256 } }), GMAIL);
    expect(tls).toMatchObject({ mark: 'met', evidence: expect.stringContaining('TLSv1.2') });
    expect(mark('tls', facts({ with: 'ESMTPSA' }))).toBe('met');
    expect(mark('tls', facts({ with: 'ESMTP' }))).toBe('not-met');
    expect(mark('tls', facts({ with: 'SMTP' }))).toBe('not-met');
    expect(mark('tls', facts({ with: 'LMTP' }))).toBe('cannot-tell');
    expect(mark('tls', facts({ with: null }))).toBe('cannot-tell');
    expect(mark('tls', facts({ origin: false }))).toBe('cannot-tell');
  });

  it('RFC 5322 fields: one readable From, Date and Message-ID ✓; missing, doubled or unreadable ✗', () => {
    expect(mark('rfc5322', facts())).toBe('met');
    expect(judge('rfc5322', facts({ headers: FIELDS.slice(0, 2), message: { messageId: null } }), GMAIL).evidence).toContain('no Message-ID: field');
    expect(judge('rfc5322', facts({ headers: [...FIELDS, { name: 'from', value: 'mallory@example.org' }] }), GMAIL).evidence).toContain('2 From: fields');
    expect(mark('rfc5322', facts({ message: { date: null } }))).toBe('not-met');
  });

  it("own From domain: another domain ✓; the provider's own ✓ with a DMARC pass, ✗ with a fail, else cannot tell; no From cannot tell", () => {
    expect(mark('not-provider-from', facts())).toBe('met');
    const gmail = { from: 'someone@GMAIL.com' };
    expect(mark('not-provider-from', facts({ message: gmail }))).toBe('met');
    expect(mark('not-provider-from', facts({ message: gmail, dmarc: { result: 'fail', reason: 'no-aligned-pass', record: 'v=DMARC1; p=none' } }))).toBe(
      'not-met',
    );
    expect(mark('not-provider-from', facts({ message: gmail, dmarc: { result: 'temperror', reason: 'policy-lookup-failed' } }))).toBe('cannot-tell');
    expect(mark('not-provider-from', facts({ message: { from: null } }))).toBe('cannot-tell');
  });

  it('one-click unsubscribe (RFC 8058): https URI, One-Click post, both DKIM-signed ✓; anything short of it ✗; unknown DKIM cannot tell', () => {
    const signed = ['from', 'list-unsubscribe', 'list-unsubscribe-post'];
    expect(mark('one-click-unsubscribe', facts({ headers: [...FIELDS, ...ONE_CLICK], dkim: [{ result: 'pass', signed }] }))).toBe('met');
    expect(mark('one-click-unsubscribe', facts())).toBe('not-met');
    expect(mark('one-click-unsubscribe', facts({ headers: [...FIELDS, ONE_CLICK[0]!] }))).toBe('not-met');
    const mailtoOnly = [{ name: 'List-Unsubscribe', value: '<mailto:u@example.com>' }, ONE_CLICK[1]!];
    expect(mark('one-click-unsubscribe', facts({ headers: [...FIELDS, ...mailtoOnly], dkim: [{ result: 'pass', signed }] }))).toBe('not-met');
    expect(mark('one-click-unsubscribe', facts({ headers: [...FIELDS, ...ONE_CLICK], dkim: [{ result: 'pass' }] }))).toBe('not-met');
    expect(mark('one-click-unsubscribe', facts({ headers: [...FIELDS, ...ONE_CLICK], dkim: [{ result: 'temperror' }] }))).toBe('cannot-tell');
  });
});

describe('providers checklist: tiers and words', () => {
  const summaryOf = (f: ChecklistFacts, provider = GMAIL): ProvidersCheckResult => checklistOf(provider, f, 0);

  it('meets every line: "met", ok, and the line says so for both tiers', () => {
    const all = summaryOf(facts({ headers: [...FIELDS, ...ONE_CLICK], dkim: [{ result: 'pass', signed: ['list-unsubscribe', 'list-unsubscribe-post'] }] }));
    expect(all.details).toMatchObject({ allSenders: 'met', bulk: 'met' });
    expect(all.result).toBe('met');
    expect(all.severity).toBe('ok');
    expect(all.summary).toBe('Gmail: meets all-sender requirements; meets bulk-sender requirements');
  });

  it('a bulk line unknown, none missing: all-senders-met, and the summary says what cannot be told', () => {
    const r = summaryOf(
      facts({
        headers: [...FIELDS, ...ONE_CLICK],
        dkim: [{ result: 'pass', signed: ['list-unsubscribe', 'list-unsubscribe-post'] }],
        dmarc: { result: 'temperror', reason: 'policy-lookup-failed' },
      }),
    );
    expect(r.result).toBe('all-senders-met');
    expect(r.summary).toBe('Gmail: meets all-sender requirements; bulk: cannot tell DMARC record, DMARC alignment');
  });

  it('an all-sender line not met makes the provider "not-met", an error, with the fix in the advice', () => {
    const r = summaryOf(facts({ iprev: 'permerror', dkim: 'unsigned' }));
    expect(r.result).toBe('not-met');
    expect(r.severity).toBe('error');
    expect(r.summary).toBe('Gmail: all senders: reverse DNS missing; bulk: DKIM, one-click unsubscribe missing');
    expect(r.advice[0]).toContain('valid forward and reverse DNS');
  });

  it('a provider with no all-sender list says so instead of passing it', () => {
    const r = summaryOf(facts(), OUTLOOK);
    expect(r.details.allSenders).toBe('none-published');
    expect(r.summary).toBe('Outlook.com: meets bulk-sender requirements');
  });

  it('runs after the checks it reads, one result per provider, on the sender hop', async () => {
    expect(providersCheck.after.map((c) => c.name)).toEqual(['iprev', 'spf', 'dkim', 'dmarc']);
    const results = sampleReport.checks.filter((c) => c.check === 'providers');
    expect(results.map((r) => r.subject)).toEqual(['Gmail', 'Yahoo', 'Outlook.com']);
    expect(results.every((r) => r.hopIndex === sampleReport.route.origin!.hopIndex)).toBe(true);
  });
});
