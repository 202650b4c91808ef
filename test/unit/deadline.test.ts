import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { memoryResolver } from '../../src/core/dns/memory.js';
import type { DnsAnswer, Resolver } from '../../src/core/dns/types.js';
import { ZONES } from '../support/test-zones.js';

const sample = readFileSync(new URL('../../public/samples/sample.eml', import.meta.url));

/** Never answers, and ignores its signal as well: only the deadline can end its questions. */
const silent: Resolver = { label: 'silent', query: () => new Promise<DnsAnswer>(() => {}) };

/** Answers from the test zones, except TXT questions, which it never answers. */
const memory = memoryResolver(ZONES);
const silentOnTxt: Resolver = { label: 'half', query: (name, type, o) => (type === 'TXT' ? new Promise<DnsAnswer>(() => {}) : memory.query(name, type, o)) };

describe('the analysis deadline (issue 11)', () => {
  it('a resolver that never answers: the report arrives at the deadline, every DNS check temperror naming it', async () => {
    const report = await analyze(sample, { resolver: silent, deadlineMs: 300 });
    for (const check of ['iprev', 'helo', 'mx', 'spf']) {
      const results = report.checks.filter((c) => c.check === check && c.result !== 'not-checked');
      expect(results.length, check).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.result, `${check} ${r.subject}`).toBe('temperror');
        const said = [r.summary, r.explanation, ...r.advice, ...r.evidence.map((e) => e.error ?? '')].join(' ');
        expect(said, check).toContain('the analysis deadline of 300 ms passed');
      }
    }
    expect(
      report.warnings.some(
        (w) => w.kind === 'dns-deadline' && w.text.startsWith('The analysis deadline of 300 ms passed before every DNS question was answered'),
      ),
    ).toBe(true);
  });

  it('cuts only what was still open: answered checks keep their verdicts', async () => {
    const report = await analyze(sample, { resolver: silentOnTxt, deadlineMs: 300 });
    const origin = (check: string) => report.checks.find((c) => c.check === check && c.hopIndex === report.route.origin?.hopIndex);
    expect(origin('iprev')?.result).toBe('pass');
    expect(origin('helo')?.result).toBe('pass');
    expect(origin('spf')?.result).toBe('temperror');
    expect(origin('spf')?.explanation).toContain('the analysis deadline of 300 ms passed');
  });

  it('says nothing of a deadline that did not pass', async () => {
    const report = await analyze(sample, { resolver: memory, deadlineMs: 60_000 });
    expect(report.checks.some((c) => JSON.stringify(c).includes('deadline'))).toBe(false);
    expect(report.warnings.some((w) => w.kind === 'dns-deadline' || w.text.includes('deadline'))).toBe(false);
  });

  it('a cancel by the caller still rejects, before or after the deadline', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(analyze(sample, { resolver: silent, deadlineMs: 10_000, signal: controller.signal })).rejects.toThrow();
  });
});
