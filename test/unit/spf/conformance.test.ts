// Runs the OpenSPF RFC 7208 test suite (test/conformance/rfc7208-tests.yml) against checkSpf.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkSpf } from '../../../src/core/checks/spf/index.js';
import { memoryResolver, type MemoryRecord, type MemoryZone } from '../../../src/core/dns/memory.js';
import { canonicalName } from '../../../src/core/hostnames/canonical.js';
import { DnsError, type Resolver, type RRType } from '../../../src/core/dns/types.js';

interface SuiteTest {
  helo: string;
  host: string;
  mailfrom: string;
  result: string | string[];
  explanation?: string;
}

type ZoneEntry = 'TIMEOUT' | Record<string, unknown>;

interface Scenario {
  description: string;
  tests: Record<string, SuiteTest>;
  zonedata: Record<string, ZoneEntry[]>;
}

const SUITE = fileURLToPath(new URL('../../conformance/rfc7208-tests.yml', import.meta.url));
const scenarios = parseAllDocuments(readFileSync(SUITE, 'utf8')).map((d) => d.toJS() as Scenario);

/** The suite's default explanation for a "fail" without a usable exp= (README). */
const DEFAULT_EXPLANATION = 'DEFAULT';

/**
 * The zonedata as the suite's reference driver serves it: SPF records double as TXT unless
 * the name has TXT entries of its own ({TXT: NONE} included, which serves nothing); a
 * TIMEOUT entry makes a query time out unless a record of the asked type came before it.
 */
function resolverFor(zonedata: Record<string, ZoneEntry[]>): Resolver {
  const zone: MemoryZone = {};
  const timeouts = new Map<string, Set<string>>();
  for (const [owner, entries] of Object.entries(zonedata)) {
    const name = canonicalName(owner);
    const records: MemoryRecord[] = [];
    const seen = new Set<string>();
    const hasTxt = entries.some((e) => e !== 'TIMEOUT' && 'TXT' in e);
    const spfCopies: MemoryRecord[] = [];
    let timeoutSeenAfter: Set<string> | null = null;
    for (const entry of entries) {
      if (entry === 'TIMEOUT') {
        timeoutSeenAfter ??= new Set(seen);
        continue;
      }
      const [type, value] = Object.entries(entry)[0]!;
      if (value === 'NONE') continue;
      seen.add(type === 'SPF' ? 'SPF' : type);
      if (type === 'SPF') {
        if (!hasTxt) spfCopies.push({ type: 'TXT', data: textOf(value) });
        continue;
      }
      records.push(recordOf(type, value));
    }
    zone[name] = [...records, ...spfCopies];
    if (timeoutSeenAfter) {
      // Types answered before the TIMEOUT entry are served; all others time out.
      const answered = new Set([...timeoutSeenAfter].filter((t) => t !== 'SPF'));
      timeouts.set(name, answered);
    }
  }
  const inner = memoryResolver(zone, { label: 'rfc7208-suite' });
  return {
    label: inner.label,
    async query(name: string, type: RRType, options) {
      const answered = timeouts.get(canonicalName(name));
      if (answered && !answered.has(type)) {
        throw new DnsError('timeout', `no answer for ${name} ${type}`, { name: canonicalName(name), type }, inner.label);
      }
      return inner.query(name, type, options);
    },
  };
}

function textOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function recordOf(type: string, value: unknown): MemoryRecord {
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'PTR':
    case 'CNAME':
      return { type, data: String(value) };
    case 'TXT':
      return { type: 'TXT', data: textOf(value) };
    case 'MX': {
      const [preference, exchange] = value as [number, string];
      return { type: 'MX', data: { preference, exchange } };
    }
    default:
      throw new Error(`zonedata type ${type} is not served`);
  }
}

const total = scenarios.reduce((n, s) => n + Object.keys(s.tests).length, 0);

describe('RFC 7208 conformance suite', () => {
  it('holds all 203 tests of the 2014.04 release with the 2019 additions', () => {
    expect(scenarios).toHaveLength(16);
    expect(total).toBe(203);
  });

  for (const scenario of scenarios) {
    describe(scenario.description, () => {
      for (const [name, test] of Object.entries(scenario.tests)) {
        it(name, async () => {
          const resolver = resolverFor(scenario.zonedata);
          const evaluation = await checkSpf({ ip: test.host, mailFrom: test.mailfrom, helo: test.helo }, resolver);
          const accepted = Array.isArray(test.result) ? test.result : [test.result];
          expect(accepted, evaluation.reason).toContain(evaluation.result);
          if (test.explanation !== undefined && evaluation.result === 'fail') {
            expect(evaluation.explanation ?? DEFAULT_EXPLANATION).toBe(test.explanation);
          }
        });
      }
    });
  }
});
