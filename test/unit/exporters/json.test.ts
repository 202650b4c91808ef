import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/core/report/exporters/json.js';
import { hostileReport, sampleReport } from '../../fixtures/reports/sample-report.js';

describe('JSON export', () => {
  it('is the report itself, indented', () => {
    const text = renderJson(sampleReport);
    expect(JSON.parse(text)).toEqual(sampleReport);
    expect(text).toContain('\n  "schemaVersion": 5,');
  });

  it('keeps hostile header text as data, byte for byte', () => {
    const report = hostileReport();
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});
