import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/cli/format-text.js';
import type { Report } from '../../../src/core/report/types.js';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

const LINE = 'hop 1, 192.168.1.20 into mail.example.com, before the message was forwarded or sent on by a list (medium confidence)';
/** Text as a reader sees it: the isolates that seal each value (FSI…PDI, <bdi> in HTML) are invisible. */
const seen = (text: string) => text.replace(/[\u2068\u2069]|<\/?bdi>/g, '');

function forwarded(): Report {
  const report: Report = structuredClone(sampleReport);
  report.route.originalSender = { hopIndex: 0, ip: '192.168.1.20', reasons: [{ kind: 'original-sender', text: 'first leg' }], confidence: 'medium' };
  report.route.hops[0]!.received.by = 'mail.example.com';
  return report;
}

describe('the original sender of a forward in every text output', () => {
  it('CLI, Markdown and HTML name it beside the sender; none does without one', () => {
    expect(formatReport(forwarded())).toContain(`Original sender: ${LINE}; check it with --origin-hop 1`);
    expect(seen(renderMarkdown(forwarded()))).toContain(`**Original sender:** ${LINE}.`);
    expect(seen(renderHtml(forwarded()))).toContain(`<strong>Original sender:</strong> ${LINE}.`);
    for (const text of [formatReport(sampleReport), renderMarkdown(sampleReport), renderHtml(sampleReport)]) expect(text).not.toContain('Original sender');
  });
});
