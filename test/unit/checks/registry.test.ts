import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHECKS } from '../../../src/core/checks/index.js';
import { metaByName, metaOf } from '../../../src/core/checks/meta.js';
import type { CheckResult } from '../../../src/core/checks/index.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { runChecks } from '../../../src/core/run-checks.js';
import { analysisOf, contextOf, hops } from './analysis.js';
import { ZONES } from '../../support/test-zones.js';

const locale = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;

describe('CHECKS', () => {
  it('gives every check complete metadata: labels, a summary rank of its own, a section, locale keys that exist', () => {
    const ranks = CHECKS.map((c) => c.meta.summaryRank);
    expect(new Set(ranks).size).toBe(CHECKS.length);
    for (const { name, meta } of CHECKS) {
      expect(meta.label.trim(), name).not.toBe('');
      expect(meta.shortLabel.trim(), name).not.toBe('');
      expect(Number.isInteger(meta.summaryRank), name).toBe(true);
      expect(['checklist', 'checks', 'then-vs-now'], name).toContain(meta.section);
      expect(meta.locale, name).not.toBeNull();
      for (const key of Object.values(meta.locale!)) expect(locale[key]?.message, `${name}: ${key}`).toBeTruthy();
      expect(metaOf(metaByName(CHECKS), name)).toBe(meta);
    }
  });

  it('names an unknown check by its name and puts it last', () => {
    expect(metaOf(metaByName(CHECKS), 'dkim-from-the-future')).toEqual({
      label: 'dkim-from-the-future',
      shortLabel: 'dkim-from-the-future',
      summaryRank: Number.MAX_SAFE_INTEGER,
      section: 'checks',
      locale: null,
    });
  });

  it('lists each check once, every dependency before its dependants', () => {
    const names = CHECKS.map((c) => c.name);
    expect(names).toEqual(['iprev', 'helo', 'mx', 'spf', 'dkim', 'dmarc', 'arc', 'then-vs-now', 'providers']);
    CHECKS.forEach((check, i) => {
      for (const dep of check.after) expect(names.slice(0, i)).toContain(dep.name);
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
            fieldIndex: 0,
            results: [
              { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'alice@example.com' }, comments: [] },
              { method: 'iprev', result: 'pass', reason: null, properties: { 'policy.iprev': '203.0.113.25' }, comments: [] },
            ],
          },
        ],
      },
    });
    const resolver = memoryResolver(ZONES);
    const { earlier: _, ...base } = contextOf(analysis, resolver, { software: 'postfix' });
    const done: CheckResult[] = await runChecks(CHECKS, base, () => {});
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
