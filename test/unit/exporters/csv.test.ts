import { describe, expect, it } from 'vitest';
import { csvCell, renderCsv } from '../../../src/core/report/exporters/csv.js';
import { HOSTILE, hostileReport, sampleReport } from '../../fixtures/reports/sample-report.js';

/** RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes one row per hop under a header row, CRLF-terminated', () => {
    const text = renderCsv(sampleReport);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(sampleReport.route.hops.length + 1);
    const head = rows[0]!;
    const sender = rows[2]!;
    expect(sender[head.indexOf('ip')]).toBe('203.0.113.25');
    expect(sender[head.indexOf('is_sender')]).toBe('true');
    expect(sender[head.indexOf('tls_version')]).toBe('TLSv1.3');
    expect(rows[3]![head.indexOf('delay_seconds')]).toBe('-1');
    expect(rows[3]![head.indexOf('clock_issue')]).toBe('negative');
    expect(rows[4]![head.indexOf('ip')]).toBe('');
  });

  it('quotes per RFC 4180 and round-trips commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(parseCsv(`${csvCell('x\r\ny')},${csvCell('plain')}\r\n`)).toEqual([['x\r\ny', 'plain']]);
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });

  it('never lets header text start a spreadsheet formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1+1`).replace(/^"/, '')).toMatch(/^'/);
    const rows = parseCsv(renderCsv(hostileReport()));
    const head = rows[0]!;
    for (const row of rows.slice(1)) {
      expect(row[head.indexOf('helo')]).toBe(`'${HOSTILE.formula}`);
      expect(row[head.indexOf('date_raw')]!.startsWith("'@")).toBe(true);
      for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
    }
  });
});
