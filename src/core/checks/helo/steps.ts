import type { HostnameVerdict } from '../../hostnames/judge.js';
import { addressTypeOf, type ForwardLookup } from '../../lookups/forward.js';
import { failureOf } from '../../lookups/lookup.js';
import { NOT_CHECKED } from '../types.js';
import type { IprevEvaluation } from '../iprev/evaluate.js';

/** The result word, strongest first (see heloCheck). */
export type HeloResult = 'pass' | 'fail' | 'permerror' | 'temperror' | typeof NOT_CHECKED;

export interface HeloStep {
  question: string;
  result: 'pass' | 'fail' | 'not-checked';
  detail: string;
  /** Not checked because a lookup got no usable answer (rather than because it could not apply). */
  transient: boolean;
}

export type StepKey = 'syntax' | 'resolves' | 'includesIp' | 'matchesPtr';

export type HeloSteps = Record<StepKey, HeloStep>;

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

export function syntaxStep(helo: string, verdict: HostnameVerdict): HeloStep {
  return verdict.ok ? step('syntax', 'pass', `${helo} is a fully qualified host name`) : step('syntax', 'fail', verdict.explanation);
}

export function resolvesStep(name: string, lookups: ForwardLookup[] | null): HeloStep {
  if (lookups === null) return step('resolves', NOT_CHECKED, NOT_A_NAME);
  const addresses = lookups.flatMap((l) => l.addresses);
  if (addresses.length > 0) return step('resolves', 'pass', `${name} → ${addresses.join(', ')}`);
  const failed = lookups.find((l) => l.transient);
  if (failed) return step('resolves', NOT_CHECKED, `the ${failed.type} lookup of ${name} failed (${failureOf(failed)})`, true);
  const nx = lookups.some((l) => l.rcode === 'NXDOMAIN');
  return step('resolves', 'fail', nx ? `${name} does not exist in DNS (NXDOMAIN)` : `${name} has neither an A nor an AAAA record`);
}

export function includesIpStep(name: string, ip: string | null, lookups: ForwardLookup[] | null): HeloStep {
  if (lookups === null) return step('includesIp', NOT_CHECKED, NOT_A_NAME);
  if (ip === null) return step('includesIp', NOT_CHECKED, 'the origin hop records no connecting IP');
  const type = addressTypeOf(ip);
  const lookup = lookups.find((l) => l.type === type)!;
  if (lookup.addresses.includes(ip)) return step('includesIp', 'pass', `${name} has the ${type} record ${ip}`);
  if (lookup.transient) return step('includesIp', NOT_CHECKED, `the ${type} lookup of ${name} failed (${failureOf(lookup)})`, true);
  const has = lookup.addresses.length > 0 ? `its ${type} records are ${lookup.addresses.join(', ')}` : `it has no ${type} record`;
  return step('includesIp', 'fail', `${name} does not point at ${ip}: ${has}`);
}

export function matchesPtrStep(name: string, ip: string | null, verdict: HostnameVerdict, iprev: IprevEvaluation | null): HeloStep {
  if (!verdict.ok) return step('matchesPtr', NOT_CHECKED, NOT_A_NAME);
  if (ip === null) return step('matchesPtr', NOT_CHECKED, 'the origin hop records no connecting IP');
  if (iprev === null) return step('matchesPtr', NOT_CHECKED, `reverse DNS of ${ip} was not checked`);
  const e = iprev;
  if (e.result === 'temperror' && e.ptrNames.length === 0) {
    return step('matchesPtr', NOT_CHECKED, `the PTR lookup of ${ip} failed (${e.reason})`, true);
  }
  if (e.ptrNames.length === 0) return step('matchesPtr', 'fail', `${ip} has no PTR record`);
  if (e.ptrNames.includes(name)) return step('matchesPtr', 'pass', `${ip} → PTR ${name}`);
  return step('matchesPtr', 'fail', `${ip}'s PTR name is ${e.ptrNames.join(', ')}, not ${name}`);
}

export function resultOf(steps: HeloSteps): HeloResult {
  const all = Object.values(steps);
  if (steps.syntax.result === 'fail') return 'permerror';
  if (all.some((s) => s.result === 'fail')) return 'fail';
  if (all.some((s) => s.transient)) return 'temperror';
  if (all.some((s) => s.result === NOT_CHECKED)) return NOT_CHECKED;
  return 'pass';
}
