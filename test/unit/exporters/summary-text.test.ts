import { describe, expect, it } from 'vitest';
import { renderSummaryText } from '../../../src/core/report/exporters/summary-text.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

describe('copy summary', () => {
  it('starts with the summary line and lists every check with its result word', () => {
    const text = renderSummaryText(sampleReport).replace(/[\u2068\u2069]/g, '');
    const lines = text.split('\n');
    expect(lines[0]).toBe(sampleReport.summary);
    expect(text).toContain('Subject: Quarterly report — draft 2');
    expect(text).toContain('- SPF (example.net): softfail — SPF softfail: example.net discourages mail from 203.0.113.28 (~all)');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(sampleReport.checks.filter((c) => c.check !== 'providers').length);
    // The providers' checklist, each requirement with its marks.
    expect(text).toContain('    Forward-confirmed reverse DNS of the sending IP [Gmail ✓, Yahoo ✓, Outlook.com —]');
  });

  it('isolates each value, so a right-to-left subject cannot reorder its label', () => {
    const r = structuredClone(sampleReport);
    r.message.subject = 'invoice \u202efdp.exe';
    expect(renderSummaryText(r)).toContain('Subject: \u2068invoice ⟨RLO⟩fdp.exe\u2069\n');
  });
});
