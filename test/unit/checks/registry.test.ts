import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/core/checks/index.js';
import type { CheckResult } from '../../../src/core/checks/types.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';
import { ZONES } from '../../support/test-zones.js';

describe('CHECKS', () => {
  it('lists each check once, every dependency before its dependants', () => {
    const names = CHECKS.map((c) => c.name);
    expect(names).toEqual(['iprev', 'helo', 'mx', 'spf', 'dkim', 'then-vs-now']);
    CHECKS.forEach((check, i) => {
      for (const dep of check.after ?? []) expect(names.slice(0, i)).toContain(dep);
    });
  });

  it('runs end to end over the sample’s DNS, each check reading the ones it names', async () => {
    const analysis = analysisOf({
      hops: hops(
        { helo: 'laptop.example.com', ip: '192.168.1.10', by: 'mail.example.com', software: 'Postfix' },
        { helo: 'mail.example.com', rdns: 'mail.example.com', ip: '203.0.113.25', by: 'mx.example.net' },
      ),
      originIndex: 1,
      message: { returnPath: 'alice@example.com', from: 'alice@example.com' },
      claims: {
        authResults: [
          {
            source: 'Authentication-Results',
            instance: null,
            authservId: 'mx.example.net',
            headerIndex: 0,
            results: [
              { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'alice@example.com' }, comments: [] },
              { method: 'iprev', result: 'pass', reason: null, properties: { 'policy.iprev': '203.0.113.25' }, comments: [] },
            ],
          },
        ],
      },
    });
    const resolver = memoryResolver(ZONES);
    const done: CheckResult[] = [];
    for (const check of CHECKS) {
      const earlier = done.filter((r) => check.after?.includes(r.check));
      done.push(...(await collect(check, contextOf(analysis, resolver, { software: 'postfix', earlier }))));
    }
    const words = done.map((r) => `${r.check} ${r.subject} ${r.result}`);
    expect(words).toEqual(
      expect.arrayContaining([
        'iprev 203.0.113.25 pass',
        'iprev 192.168.1.10 not-checked',
        'helo mail.example.com pass',
        'mx example.com pass',
        'spf example.com pass',
        'then-vs-now example.com same',
        'then-vs-now 203.0.113.25 same',
      ]),
    );
    for (const r of done) {
      expect(r.summary.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });
});
