import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { originStanding } from '../../../src/core/report/exporters/hop-text.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { SAMPLE_MESSAGE } from '../../fixtures/reports/sample-message.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { ZONES } from '../../support/test-zones.js';

describe('the sender hop’s standing', () => {
  it('is the route’s confidence when the route chose the hop', () => {
    expect(originStanding(sampleReport.route.origin!)).toBe('high confidence');
    expect(renderMarkdown(sampleReport)).toContain('(high confidence). Why this hop:');
  });

  it('is "chosen by you" after "Use as sender", never a confidence, in every export', async () => {
    const chosen = await analyze(SAMPLE_MESSAGE, { resolver: memoryResolver(ZONES), originHop: 0 });
    expect(originStanding(chosen.route.origin!)).toBe('chosen by you');
    const md = renderMarkdown(chosen);
    expect(md).toContain('**Sender:** hop 1, `\u2068192.168.1.20\u2069` (chosen by you). Why this hop:');
    expect(md).not.toMatch(/confidence/);
    expect(renderHtml(chosen)).toContain('(chosen by you). Why this hop:');
    expect(renderHtml(chosen)).not.toMatch(/confidence: high/);
  });
});
