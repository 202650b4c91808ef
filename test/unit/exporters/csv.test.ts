import { describe, expect, it } from 'vitest';
import { renderChecklistCsv } from '../../../src/core/report/exporters/checklist-csv.js';
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
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
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
    expect(sender[head.indexOf('ip')]).toBe('203.0.113.28');
    expect(sender[head.indexOf('is_sender')]).toBe('true');
    expect(sender[head.indexOf('tls_version')]).toBe('TLSv1.3');
    expect(rows[3]![head.indexOf('delay_seconds')]).toBe('-1');
    expect(rows[3]![head.indexOf('clock_issue')]).toBe('negative');
    expect(rows[4]![head.indexOf('ip')]).toBe('');
  });

  it('quotes every cell per RFC 4180, and shows line breaks in header text as markers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(parseCsv(`${csvCell('x\r\ny')},${csvCell('plain')}\r\n`)).toEqual([['x⟨CR⟩⟨LF⟩y', 'plain']]);
    expect(csvCell(null)).toBe('""');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(true)).toBe('"true"');
  });

  it('leaves no cell a ";" or TAB splitting spreadsheet could turn into a formula', () => {
    // LibreOffice Calc with ";" as separator read an unquoted `x;=2*21` as two cells, the second 42.
    const r = structuredClone(sampleReport);
    r.route.hops[1]!.received.helo = 'x;=2*21';
    r.route.hops[1]!.received.with = 'ESMTP\t=2*21';
    const text = renderCsv(r);
    // Every line is whole quoted cells and commas: a ";" or TAB locale finds its separator only inside quotes.
    for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    const [head, , sender] = parseCsv(text);
    expect(sender![head!.indexOf('helo')]).toBe('x;=2*21');
    expect(sender![head!.indexOf('with')]).toBe('ESMTP =2*21');
  });

  it('carries no ESC, BEL or bidi control, whatever the header held', () => {
    const r = structuredClone(sampleReport);
    r.route.hops[1]!.received.with = 'E\x1b[2J\x1b[HSMTP\x07';
    r.route.hops[1]!.received.rdns = 'mail\u202egpj.exe\u009b31m';
    const text = renderCsv(r);
    expect(text).not.toMatch(/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const [head, , sender] = parseCsv(text);
    expect(sender![head!.indexOf('with')]).toBe('E⟨ESC⟩[2J⟨ESC⟩[HSMTP⟨BEL⟩');
    expect(sender![head!.indexOf('rdns')]).toBe('mail⟨RLO⟩gpj.exe⟨CSI⟩31m');
  });

  it('never lets header text start a spreadsheet formula', () => {
    for (const lead of ['=', '+', '-', '@']) expect(csvCell(`${lead}1+1`).replace(/^"/, '')).toMatch(/^'/);
    for (const lead of ['\t', '\r']) expect(csvCell(`${lead}=1+1`)).not.toMatch(/^"[=+\-@\t\r]/);
    const rows = parseCsv(renderCsv(hostileReport()));
    const head = rows[0]!;
    for (const row of rows.slice(1)) {
      expect(row[head.indexOf('helo')]).toBe(`'${HOSTILE.formula}`);
      expect(row[head.indexOf('date_raw')]!.startsWith("'@")).toBe(true);
      for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
    }
  });
});

describe('checklist CSV export', () => {
  it('writes one row per provider and requirement, the hops CSV unchanged beside it', () => {
    const rows = parseCsv(renderChecklistCsv(sampleReport));
    expect(rows[0]).toEqual(['provider', 'tier', 'requirement', 'label', 'mark', 'evidence', 'provider_text', 'source_url', 'source_read']);
    const providers = sampleReport.checks.flatMap((c) => (c.check === 'providers' && c.result !== 'not-checked' ? [c.details] : []));
    expect(rows).toHaveLength(1 + providers.reduce((n, p) => n + p.lines.length, 0));
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['gmail', 'yahoo', 'outlook']));
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(9);
      expect(['met', 'not-met', 'cannot-tell']).toContain(row[4]);
      expect(['all', 'bulk']).toContain(row[1]);
      expect(row[7]).toMatch(/^https:\/\//);
    }
    const gmailDkim = rows.find((r) => r[0] === 'gmail' && r[2] === 'dkim-pass' && r[1] === 'bulk');
    const line = providers.find((p) => p.provider === 'gmail')!.lines.find((l) => l.requirement === 'dkim-pass' && l.tier === 'bulk')!;
    expect(gmailDkim?.slice(3, 6)).toEqual([line.label, line.mark, line.evidence]);
    expect(parseCsv(renderCsv(sampleReport))[0]![0]).toBe('hop');
  });

  it('a report without a checklist (DNS off) is the header row alone', () => {
    const off = { ...sampleReport, checks: sampleReport.checks.filter((c) => c.check !== 'providers') };
    expect(parseCsv(renderChecklistCsv(off))).toHaveLength(1);
  });

  it('evidence from the message stays data: quoted, formulas defused', () => {
    const r = hostileReport();
    for (const c of r.checks) if (c.check === 'providers' && c.result !== 'not-checked') for (const l of c.details.lines) l.evidence = HOSTILE.formula;
    const text = renderChecklistCsv(r);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=/m);
  });
});
