import { describe, expect, it } from 'vitest';
import { iprevCheck, MAX_OTHER_HOPS } from '../../../src/core/checks/iprev/check.js';
import { MAX_CLAIM_ROWS } from '../../../src/core/claims/row-cap.js';
import { thenVsNowCheck } from '../../../src/core/checks/then-vs-now.js';
import type { SpfCheckResult } from '../../../src/core/checks/spf/check.js';
import type { SpfResult } from '../../../src/core/checks/spf/types.js';
import type { ThenVsNowCheckResult } from '../../../src/core/checks/then-vs-now.js';
import type { AuthResultEntry, Claims } from '../../../src/core/claims/types.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';
import { ZONES } from '../../support/test-zones.js';
import { costRatio } from '../../support/scaling.js';

const resolver = memoryResolver(ZONES);

function ar(authservId: string, ...results: Array<Partial<AuthResultEntry> & { method: string; result: string }>): Claims['authResults'][number] {
  return {
    source: 'Authentication-Results',
    instance: null,
    authservId,
    fieldIndex: 0,
    results: results.map((r) => ({ reason: null, properties: {}, comments: [], ...r })),
  };
}

/** A live SPF result with the word a test needs; the rest as an evaluation without a record would give. */
function liveSpf(domain: string, result: SpfResult, ip = '203.0.113.25'): SpfCheckResult {
  const details = {
    domain,
    ip,
    identity: 'mailfrom' as const,
    helo: null,
    mailFrom: `alice@${domain}`,
    mailFromSource: 'return-path' as const,
    record: null,
    mechanism: null,
    lookups: 0,
    voidLookups: 0,
    trace: [],
    explanation: null,
    problem: null,
  };
  return { check: 'spf', subject: domain, result, severity: 'ok', summary: '', explanation: '', advice: [], hopIndex: 1, details, evidence: [] };
}

async function compare(route: Partial<ReceivedFields>[], claims: Partial<Claims>, extra: SpfCheckResult[] = []): Promise<ThenVsNowCheckResult[]> {
  const analysis = analysisOf({ hops: hops(...route), originIndex: route.length - 1, claims });
  const earlier = [...(await collect(iprevCheck, contextOf(analysis, resolver))), ...extra];
  return collect(thenVsNowCheck, contextOf(analysis, resolver, { earlier }));
}

const origin25 = { helo: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' };

describe('thenVsNowCheck', () => {
  it('runs after iprev, spf, helo, dkim and dmarc', () => {
    expect(thenVsNowCheck.after.map((c) => c.name)).toEqual(['iprev', 'spf', 'helo', 'dkim', 'dmarc']);
  });

  it('is same when the receiver’s iprev matches the live one', async () => {
    const [r] = await compare([origin25], {
      authResults: [ar('mx.example.net', { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '203.0.113.25' } })],
    });
    expect(r).toMatchObject({ check: 'then-vs-now', subject: '203.0.113.25', result: 'same', severity: 'ok', advice: [] });
    expect(r!.summary).toBe('At delivery mx.example.net recorded iprev=pass (Authentication-Results); now: pass');
  });

  it('names a receiver that gave no authserv-id (Microsoft 365) in words, never as a blank', async () => {
    // Believed only because the receiving side is Microsoft's, which writes no authserv-id.
    const [r] = await compare([{ ...origin25, by: 'AM0PR01MB1234.eurprd01.prod.outlook.com' }], {
      authResults: [ar('', { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '203.0.113.25' } })],
    });
    expect(r!.summary).toBe('At delivery a receiver that gave no authserv-id recorded iprev=pass (Authentication-Results); now: pass');
    expect(r!.explanation).toContain('header written by a receiver that gave no authserv-id gives');
    expect(`${r!.summary} ${r!.explanation}`).not.toMatch(/ {2}/);
  });

  it('differs when DNS changed since delivery, with advice', async () => {
    const [r] = await compare([{ ip: '203.0.113.30', by: 'mx.example.net' }], {
      authResults: [ar('mx.example.net', { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '203.0.113.30' } })],
    });
    expect(r).toMatchObject({ result: 'differs', severity: 'warning' });
    expect(r!.summary).toBe('At delivery mx.example.net recorded iprev=pass (Authentication-Results); now: permerror');
    expect(r!.explanation).toContain('the PTR or address records of 203.0.113.30 changed since');
    expect(r!.advice).toEqual([
      'If you changed DNS on purpose, wait for the old TTL to pass and send a new test message; if you did not, find out who edited the PTR or address records of 203.0.113.30. The live result now is permerror.',
    ]);
  });

  it('compares the receiver’s SPF verdict with the live one for the same domain', async () => {
    const claims = { authResults: [ar('mx.google.com', { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'alice@example.com' } })] };
    const google = { ...origin25, by: 'mx.google.com' };
    const [differs] = await compare([google], claims, [liveSpf('example.com', 'fail')]);
    expect(differs).toMatchObject({
      subject: 'example.com',
      result: 'differs',
      summary: 'At delivery mx.google.com recorded spf=pass (Authentication-Results); now: fail',
    });
    const [same] = await compare([google], claims, [liveSpf('example.com', 'pass')]);
    expect(same!.result).toBe('same');
  });

  it('shows results written upstream as not trusted, never compared: another writer, or one placed below the hop into the receiver', async () => {
    const spfPass = { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'alice@example.com' } };
    const [foreign] = await compare([origin25], { authResults: [ar('mx.google.com', spfPass)] }, [liveSpf('example.com', 'fail')]);
    expect(foreign).toMatchObject({ result: 'untrusted', severity: 'info', details: { trusted: false } });
    expect(foreign!.summary).toBe('Written upstream, not trusted: mx.google.com recorded spf=pass (Authentication-Results)');
    expect(foreign!.explanation).toContain('mx.google.com is not a server of the receiving side (mx.example.net)');
    const placed = (first: string) =>
      analysisOf({
        hops: hops(origin25),
        claims: { authResults: [{ ...ar('mx.example.net', spfPass), fieldIndex: first === 'ar' ? 0 : 1 }] },
        headers:
          first === 'ar'
            ? [
                { name: 'Authentication-Results', value: '' },
                { name: 'Received', value: '' },
              ]
            : [
                { name: 'Received', value: '' },
                { name: 'Authentication-Results', value: '' },
              ],
      });
    const run = async (first: string) => {
      const analysis = placed(first);
      return (await collect(thenVsNowCheck, contextOf(analysis, resolver, { earlier: [liveSpf('example.com', 'pass')] })))[0]!;
    };
    expect(await run('ar')).toMatchObject({ result: 'same', details: { trusted: true } });
    const below = await run('received');
    expect(below).toMatchObject({ result: 'untrusted' });
    expect(below.details).toMatchObject({ trust: expect.stringContaining('sits below the Received field of the hop into the receiving side') });
  });

  it('reads Received-SPF, and will not compare verdicts about different IPs', async () => {
    const spf = (clientIp: string) => ({
      result: 'Pass',
      clientIp,
      envelopeFrom: 'alice@example.com',
      helo: 'mail.example.com',
      receiver: 'mx.example.net',
      identity: 'mailfrom',
      mechanism: null,
      comment: null,
      fieldIndex: 0,
    });
    const [same] = await compare([origin25], { receivedSpf: [spf('203.0.113.25')] }, [liveSpf('example.com', 'pass')]);
    expect(same).toMatchObject({ result: 'same', summary: 'At delivery mx.example.net recorded spf=pass (Received-SPF); now: pass' });
    const [other] = await compare([origin25], { receivedSpf: [spf('198.51.100.7')] }, [liveSpf('example.com', 'pass')]);
    expect(other).toMatchObject({ result: 'not-comparable', severity: 'info' });
    expect(other!.explanation).toContain('the receiver evaluated 198.51.100.7, the live check 203.0.113.25');
  });

  it('is not-comparable when SPF was not checked live', async () => {
    const [r] = await compare([origin25], {
      authResults: [ar('mx.example.net', { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'example.com' } })],
    });
    expect(r!.result).toBe('not-comparable');
  });

  it('compares the rDNS name a Received header carries with the PTR now', async () => {
    const results = await compare(
      [
        { rdns: 'mail.example.com', ip: '203.0.113.25', by: 'relay.example.net' },
        { rdns: 'old-name.example.com', ip: '203.0.113.27', by: 'mx.example.net' },
      ],
      {},
    );
    const bySubject = Object.fromEntries(results.map((r) => [r.subject, r]));
    expect(bySubject['203.0.113.25']).toMatchObject({
      result: 'same',
      summary: 'At delivery relay.example.net recorded 203.0.113.25 as mail.example.com (Received); now: PTR mail.example.com',
    });
    expect(bySubject['203.0.113.27']).toMatchObject({
      result: 'differs',
      summary: 'At delivery mx.example.net recorded 203.0.113.27 as old-name.example.com (Received); now: PTR other.example.com',
    });
  });

  it('cannot compare the seed’s hotmail line: its IP is private', async () => {
    const [r] = await compare([{ rdns: 'mail.contoso.com', ip: '10.11.12.13', by: 'SNT004-MC4F54.hotmail.com', with: 'Microsoft SMTPSVC' }], {});
    expect(r).toMatchObject({ subject: '10.11.12.13', result: 'not-comparable' });
    expect(r!.explanation).toContain('private address');
  });

  it('cannot compare a transient error', async () => {
    const [r] = await compare([{ ip: '203.0.113.32', by: 'mx.example.net' }], {
      authResults: [ar('mx.example.net', { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '203.0.113.32' } })],
    });
    expect(r!.result).toBe('not-comparable');
  });
});

describe('then vs now on a stuffed route (issue 11)', () => {
  it('compares the recorded rDNS of the hops nearest the sender only, however often a stuffing repeats its IP', async () => {
    const stuffed = Array.from({ length: 5000 }, (_, i) => ({ rdns: 'mail.example.com', ip: '203.0.113.25', by: `relay${i}.example.org` }));
    const results = await compare([...stuffed, { ...origin25, rdns: 'mail.example.com' }], {});
    expect(results).toHaveLength(1 + MAX_OTHER_HOPS);
    expect(results.every((r) => r.result === 'same')).toBe(true);
    // The sender's own hop is among them, and they come in travel order.
    expect(results.at(-1)!.hopIndex).toBe(5000);
    expect(results.map((r) => r.hopIndex)).toEqual([...results.map((r) => r.hopIndex)].sort((a, b) => a! - b!));
  });
});

describe('then vs now on stuffed Authentication-Results', () => {
  const spfOf = (result: string) => ({ method: 'spf', result, properties: { 'smtp.mailfrom': 'alice@example.com' } });
  /** `n` fields a relay upstream wrote, then the receiver's own two, at the bottom where a view may have put them. */
  const stuffed = (n: number): Claims['authResults'] => [
    ...Array.from({ length: n }, (_, i) => ({ ...ar(`relay${i}.example.org`, spfOf('pass')), fieldIndex: i })),
    { ...ar('mx.example.net', spfOf('fail')), fieldIndex: n },
    { ...ar('mx.example.net', { method: 'iprev', result: 'pass', properties: { 'policy.iprev': '203.0.113.25' } }), fieldIndex: n + 1 },
  ];
  /** The header block they sit in: every field above the Received field of the hop into the receiver. */
  const analysis = (n: number) =>
    analysisOf({
      hops: hops(origin25),
      originIndex: 0,
      claims: { authResults: stuffed(n) },
      headers: [...Array.from({ length: n + 2 }, () => ({ name: 'Authentication-Results', value: '' })), { name: 'Received', value: '' }],
    });
  const earlier = [liveSpf('example.com', 'pass')];
  const run = async (n: number) => collect(thenVsNowCheck, contextOf(analysis(n), resolver, { earlier }));

  it("keeps the receiver's own rows and those that differ, and counts the 10,000 others it leaves out", async () => {
    const results = await run(10_000);
    expect(results).toHaveLength(MAX_CLAIM_ROWS + 1);
    const rows = results.slice(0, -1);
    // The receiver's verdict that differs from Hoplens' and its other one (iprev, not run here), though last in the header.
    expect(rows.filter((r) => r.result !== 'untrusted').map((r) => r.result)).toEqual(['differs', 'not-comparable']);
    // The rest of the room goes to the others in header order, and rows stay in header order.
    expect(rows.slice(0, -2).map((r) => (r.result === 'untrusted' ? r.details.receiver : null))).toEqual(
      Array.from({ length: MAX_CLAIM_ROWS - 2 }, (_, i) => `relay${i}.example.org`),
    );
    const last = results.at(-1)!;
    expect(last).toMatchObject({
      result: 'not-checked',
      subject: '-',
      hopIndex: null,
      details: { fieldsLeftOut: 10_000 - (MAX_CLAIM_ROWS - 2), maxRows: MAX_CLAIM_ROWS },
    });
    expect(last.summary).toBe(`${10_000 - (MAX_CLAIM_ROWS - 2)} more Authentication-Results fields not compared`);
    expect(last.explanation).toContain("the receiving side's own first");
  });

  it('says nothing of a cap that left nothing out', async () => {
    const results = await run(MAX_CLAIM_ROWS - 2);
    expect(results).toHaveLength(MAX_CLAIM_ROWS);
    expect(results.some((r) => r.result === 'not-checked')).toBe(false);
  });

  it('costs time linear in the number of fields', async () => {
    const contexts = new Map([1_000, 10_000].map((n) => [String(n), contextOf(analysis(n), resolver, { earlier })]));
    const ratio = await costRatio((n) => collect(thenVsNowCheck, contexts.get(n)!), '1000', '10000');
    // Linear is 10; a field judged against every other field or header would be 100.
    expect(ratio).toBeLessThan(30);
  });
});
