import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { CHECKS } from '../../../src/core/checks/index.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { senderVerdict } from '../../../src/core/report/sender-verdict.js';
import { ZONES } from '../../support/test-zones.js';

const message = (path: string) => readFileSync(new URL(path, import.meta.url));

describe('the sender verdict on a badge', () => {
  it('is ✓ when every check about the sender is fine, titled with their results', async () => {
    // The sample is unsigned and its domain publishes no DMARC: without those checks (and the
    // comparison and the checklist that read them), everything about its sender passes.
    const checks = CHECKS.filter((c) => !['dkim', 'dmarc', 'then-vs-now', 'providers'].includes(c.name));
    const report = await analyze(message('../../../public/samples/sample.eml'), { resolver: memoryResolver(ZONES), checks });
    expect(senderVerdict(report)).toEqual({ level: 'pass', mark: '✓', title: 'Reverse DNS pass, HELO pass, SPF pass, MX pass' });
  });

  it('is ! when one needs a look (no DKIM signature) and none failed', async () => {
    const report = await analyze(message('../../../public/samples/sample.eml'), { resolver: memoryResolver(ZONES) });
    expect(senderVerdict(report)).toEqual({
      level: 'warn',
      mark: '!',
      title: 'Reverse DNS pass, HELO pass, SPF pass, DKIM none, MX pass, DMARC none, then vs now same',
    });
  });

  it('is ✗ when one failed, whatever passed beside it', async () => {
    const report = await analyze(message('../../e2e/fixtures/origin-27.eml'), { resolver: memoryResolver(ZONES) });
    const verdict = senderVerdict(report);
    expect(verdict).toMatchObject({ level: 'fail', mark: '✗' });
    expect(verdict.title).toMatch(/^Reverse DNS fail, HELO fail, SPF softfail/);
  });

  it('is ? with the reason when nothing was checked, never ✓', async () => {
    const report = await analyze(message('../../../public/samples/sample.eml'), { resolver: null });
    expect(senderVerdict(report)).toEqual({ level: 'unchecked', mark: '?', title: report.summary });
    expect(report.summary).toContain('DNS checks off');
  });
});
