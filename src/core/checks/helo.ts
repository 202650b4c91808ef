import { recordingResolver } from '../dns/evidence.js';
import { canonicalName } from '../dns/names.js';
import { normalizeIp } from '../net/ip.js';
import { heloSetting } from './advice/helo-setting.js';
import { providerName } from './advice/provider.js';
import { transientAdvice } from './advice/transient.js';
import { addressTypeOf, failureOf, lookupAddresses, type ForwardLookup } from './forward.js';
import { judgeHostname, type HostnameVerdict } from './hostname.js';
import type { IprevEvaluation } from './iprev.js';
import { NOT_CHECKED, type Check, type CheckContext, type CheckResult, type Severity } from './types.js';

export interface HeloStep {
  question: string;
  result: 'pass' | 'fail' | 'not-checked';
  detail: string;
  /** Not checked because a lookup got no usable answer (rather than because it could not apply). */
  transient: boolean;
}

type StepKey = 'syntax' | 'resolves' | 'includesIp' | 'matchesPtr';

/**
 * The origin hop's HELO/EHLO name, asked four questions in order: is it a fully qualified
 * public host name, does it resolve (A/AAAA), do its addresses include the connecting IP, is
 * it a PTR name of that IP (read from the iprev result, not asked again).
 *
 * The result word, strongest first:
 * - permerror: not a public host name at all (address literal, bare address, single label,
 *   a private suffix such as .local, bad syntax). No DNS can fix it, only the HELO setting.
 * - fail: a public name, but DNS does not resolve it, does not give it the connecting IP, or
 *   it is not the IP's PTR name.
 * - temperror: a lookup one of the questions needs got no usable answer.
 * - not-checked: a question could not apply (no connecting IP, or its iprev was not run).
 * - pass: all four questions answered yes.
 */
export const heloCheck: Check = {
  name: 'helo',
  after: ['iprev'],
  async *run(ctx) {
    const origin = ctx.origin;
    const helo = origin?.received.helo ?? null;
    if (origin === null || helo === null) {
      yield notRecorded(ctx);
      return;
    }
    const ip = origin.received.ip === null ? null : normalizeIp(origin.received.ip);
    const recorder = recordingResolver(ctx.resolver);
    const verdict = judgeHostname(helo);
    const name = canonicalName(helo);
    const lookups = verdict.ok
      ? await Promise.all([lookupAddresses(name, 'A', recorder, ctx.signal), lookupAddresses(name, 'AAAA', recorder, ctx.signal)])
      : null;
    const iprev = ip === null ? null : iprevOf(ctx, ip);
    const steps: Record<StepKey, HeloStep> = {
      syntax: syntaxStep(helo, verdict),
      resolves: resolvesStep(name, lookups),
      includesIp: includesIpStep(name, ip, lookups),
      matchesPtr: matchesPtrStep(name, ip, verdict, iprev),
    };
    const result = resultOf(steps);
    yield {
      check: 'helo',
      subject: helo,
      result,
      severity: severityOf(result, steps, verdict),
      summary: summaryOf(helo, result, steps),
      explanation: explanationOf(helo, result, steps),
      advice: result === 'temperror' ? temperrorAdvice(ctx, name, lookups, iprev) : adviceOf(ctx, helo, ip, result, steps, iprev),
      hopIndex: origin.index,
      details: { helo, ip, steps: Object.values(steps), addresses: lookups?.flatMap((l) => l.addresses) ?? [] },
      evidence: recorder.evidence,
    };
  },
};

function notRecorded(ctx: CheckContext): CheckResult {
  const why =
    ctx.origin === null
      ? 'No origin hop was found, so there is no HELO name to check.'
      : 'The receiver did not record the HELO/EHLO name in its Received header (Gmail, for one, writes only the by clause), so there is nothing to check.';
  return {
    check: 'helo',
    subject: ctx.origin?.received.ip ?? '',
    result: NOT_CHECKED,
    severity: 'info',
    summary: 'HELO name not checked: not recorded',
    explanation: why,
    advice: [],
    hopIndex: ctx.origin?.index ?? null,
    details: { helo: null, steps: [] },
    evidence: [],
  };
}

function iprevOf(ctx: CheckContext, ip: string): { result: string; evaluation: IprevEvaluation | null } | null {
  const found = ctx.earlier.find((r) => r.check === 'iprev' && r.subject === ip);
  if (!found) return null;
  const evaluation = found.result === NOT_CHECKED ? null : (found.details as unknown as IprevEvaluation);
  return { result: found.result, evaluation };
}

const QUESTIONS: Record<StepKey, string> = {
  syntax: 'Is it a fully qualified public host name?',
  resolves: 'Does it resolve (A/AAAA)?',
  includesIp: 'Do its addresses include the connecting IP?',
  matchesPtr: 'Is it the PTR name of the connecting IP?',
};

function step(key: StepKey, result: HeloStep['result'], detail: string, transient = false): HeloStep {
  return { question: QUESTIONS[key], result, detail, transient };
}

const NOT_A_NAME = 'not a host name, so there is nothing to look up';

function syntaxStep(helo: string, verdict: HostnameVerdict): HeloStep {
  return verdict.ok ? step('syntax', 'pass', `${helo} is a fully qualified host name`) : step('syntax', 'fail', verdict.explanation);
}

function resolvesStep(name: string, lookups: ForwardLookup[] | null): HeloStep {
  if (lookups === null) return step('resolves', NOT_CHECKED, NOT_A_NAME);
  const addresses = lookups.flatMap((l) => l.addresses);
  if (addresses.length > 0) return step('resolves', 'pass', `${name} → ${addresses.join(', ')}`);
  const failed = lookups.find((l) => l.transient);
  if (failed) return step('resolves', NOT_CHECKED, `the ${failed.type} lookup of ${name} failed (${failureOf(failed)})`, true);
  const nx = lookups.some((l) => l.rcode === 'NXDOMAIN');
  return step('resolves', 'fail', nx ? `${name} does not exist in DNS (NXDOMAIN)` : `${name} has neither an A nor an AAAA record`);
}

function includesIpStep(name: string, ip: string | null, lookups: ForwardLookup[] | null): HeloStep {
  if (lookups === null) return step('includesIp', NOT_CHECKED, NOT_A_NAME);
  if (ip === null) return step('includesIp', NOT_CHECKED, 'the origin hop records no connecting IP');
  const type = addressTypeOf(ip);
  const lookup = lookups.find((l) => l.type === type)!;
  if (lookup.addresses.includes(ip)) return step('includesIp', 'pass', `${name} has the ${type} record ${ip}`);
  if (lookup.transient) return step('includesIp', NOT_CHECKED, `the ${type} lookup of ${name} failed (${failureOf(lookup)})`, true);
  const has = lookup.addresses.length > 0 ? `its ${type} records are ${lookup.addresses.join(', ')}` : `it has no ${type} record`;
  return step('includesIp', 'fail', `${name} does not point at ${ip}: ${has}`);
}

function matchesPtrStep(
  name: string,
  ip: string | null,
  verdict: HostnameVerdict,
  iprev: { result: string; evaluation: IprevEvaluation | null } | null,
): HeloStep {
  if (!verdict.ok) return step('matchesPtr', NOT_CHECKED, NOT_A_NAME);
  if (ip === null) return step('matchesPtr', NOT_CHECKED, 'the origin hop records no connecting IP');
  if (iprev === null || iprev.evaluation === null) return step('matchesPtr', NOT_CHECKED, `reverse DNS of ${ip} was not checked`);
  const e = iprev.evaluation;
  if (e.result === 'temperror' && e.ptrNames.length === 0) {
    return step('matchesPtr', NOT_CHECKED, `the PTR lookup of ${ip} failed (${e.reason})`, true);
  }
  if (e.ptrNames.length === 0) return step('matchesPtr', 'fail', `${ip} has no PTR record`);
  if (e.ptrNames.includes(name)) return step('matchesPtr', 'pass', `${ip} → PTR ${name}`);
  return step('matchesPtr', 'fail', `${ip}'s PTR name is ${e.ptrNames.join(', ')}, not ${name}`);
}

function resultOf(steps: Record<StepKey, HeloStep>): string {
  const all = Object.values(steps);
  if (steps.syntax.result === 'fail') return 'permerror';
  if (all.some((s) => s.result === 'fail')) return 'fail';
  if (all.some((s) => s.transient)) return 'temperror';
  if (all.some((s) => s.result === NOT_CHECKED)) return NOT_CHECKED;
  return 'pass';
}

function severityOf(result: string, steps: Record<StepKey, HeloStep>, verdict: HostnameVerdict): Severity {
  switch (result) {
    case 'pass':
      return 'ok';
    case 'permerror':
      return verdict.problem === 'address-literal' ? 'warning' : 'error';
    case 'fail':
      return steps.resolves.result === 'fail' ? 'error' : 'warning';
    case 'temperror':
      return 'warning';
    default:
      return 'info';
  }
}

function summaryOf(helo: string, result: string, steps: Record<StepKey, HeloStep>): string {
  const firstFail = Object.values(steps).find((s) => s.result === 'fail');
  switch (result) {
    case 'pass':
      return `HELO ${helo}: public name, resolves to the connecting IP, same as the PTR name`;
    case 'permerror':
      return `HELO ${helo} is not a public host name`;
    case 'fail':
      return `HELO ${helo}: ${firstFail!.detail}`;
    case 'temperror':
      return `HELO ${helo} could not be fully checked (temperror)`;
    default:
      return `HELO ${helo}: partly checked`;
  }
}

function explanationOf(helo: string, result: string, steps: Record<StepKey, HeloStep>): string {
  const why: Record<string, string> = {
    pass: `Receivers that check the HELO name find ${helo} in public DNS, pointing at the connecting IP and agreeing with its PTR record.`,
    permerror: `${steps.syntax.detail}. A sending server must announce a public name in HELO/EHLO; receivers that check it (Postfix's reject_non_fqdn_helo_hostname and reject_unknown_helo_hostname, many spam filters) refuse or score mail from a name they cannot look up.`,
    fail: 'Receivers compare the HELO name with DNS: a name that does not resolve, resolves elsewhere, or differs from the PTR name makes the server look like a misconfigured or infected machine, and some mail will be refused or junked.',
    temperror: 'A lookup needed to answer one of the questions got no usable answer; asking again later may give a verdict.',
  };
  return why[result] ?? 'Some of the questions could not apply to this hop; the steps say which and why.';
}

/** The HELO name's own lookups first; the PTR lookup, read from iprev, only when they answered. */
function temperrorAdvice(
  ctx: CheckContext,
  name: string,
  lookups: ForwardLookup[] | null,
  iprev: { result: string; evaluation: IprevEvaluation | null } | null,
): string[] {
  const failed = lookups?.find((l) => l.transient);
  if (failed) return transientAdvice(failed, ctx.resolver.label, { zone: name, owner: `whoever runs the DNS of ${name}` });
  const e = iprev?.evaluation;
  if (!e) return [];
  return transientAdvice({ name: e.reverseName, type: 'PTR', ...e.ptrLookup }, ctx.resolver.label, {
    zone: `the reverse zone of ${e.ip}`,
    owner: `whoever holds the reverse zone of ${e.ip} (see the reverse DNS result)`,
  });
}

function adviceOf(
  ctx: CheckContext,
  helo: string,
  ip: string | null,
  result: string,
  steps: Record<StepKey, HeloStep>,
  iprev: { result: string; evaluation: IprevEvaluation | null } | null,
): string[] {
  if (result !== 'fail' && result !== 'permerror') return [];
  const provider = providerName(ctx.software);
  if (provider) {
    return [`${provider} sets the HELO name of its sending servers: nothing for you to change. If the message did not really leave through ${provider}, check which hop is the origin.`];
  }
  const name = canonicalName(helo);
  const suggestion = iprev?.evaluation?.matchedName ?? iprev?.evaluation?.ptrNames[0] ?? (steps.syntax.result === 'pass' ? name : 'mail.<your domain>');
  const where = ip ?? 'the sending IP';
  const record = ip ? addressTypeOf(ip) : 'A';
  const advice: string[] = [];
  if (steps.syntax.result === 'fail') {
    advice.push(`Make the server announce a public name that has an ${record} record for ${where} and is its PTR name: ${suggestion}.`);
  } else if (steps.resolves.result === 'fail' || steps.includesIp.result === 'fail') {
    advice.push(
      suggestion === name
        ? `Publish an ${record} record ${name} → ${where}.`
        : `Either publish an ${record} record ${name} → ${where}, or make the server announce ${suggestion}, which already has both records.`,
    );
  } else if (steps.matchesPtr.result === 'fail') {
    advice.push(
      iprev?.evaluation?.ptrNames.length
        ? `Make the HELO name and the PTR name the same: announce ${suggestion}, or have the PTR of ${where} changed to ${name} (by whoever holds its reverse zone).`
        : `Have a PTR record ${where} → ${name} added by whoever holds the reverse zone (see the reverse DNS result).`,
    );
  }
  if (suggestion !== name || steps.syntax.result === 'fail') advice.push(...(heloSetting(ctx.software, suggestion) ?? []));
  return advice;
}
