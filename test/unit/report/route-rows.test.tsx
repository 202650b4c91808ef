// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { formatReport } from '../../../src/cli/format-text.js';
import { classHelp, classLabel } from '../../../src/core/net/class-words.js';
import type { IpClass } from '../../../src/core/net/types.js';
import { renderCsv } from '../../../src/core/report/exporters/csv.js';
import { renderHtml } from '../../../src/core/report/exporters/html.js';
import { renderMarkdown } from '../../../src/core/report/exporters/markdown.js';
import { ROUTE_COLUMNS, routeCells, routeRows } from '../../../src/core/report/route-rows.js';
import type { Report } from '../../../src/core/report/types.js';
import { STALL_SECONDS } from '../../../src/core/route/stall.js';
import { HopList } from '../../../src/ui/report/hop-list.js';
import { HopsTable } from '../../../src/ui/report/hops-table.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';
import { parseHtml } from '../exporters/parse-html.js';
import { getMessage } from '../ui/fake-i18n.js';
import { mount } from '../ui/render.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser.js')).browser }));

/** Isolates around values and the whitespace between inline parts: not part of what a cell says. */
const plain = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const CLASSES: readonly IpClass[] = [
  'public',
  'documentation',
  'private',
  'loopback',
  'link-local',
  'cgnat',
  'unique-local',
  'multicast',
  'unspecified',
  'reserved',
];

/** The sample with every case a route table words: a CGNAT client, a clock skew, a stall, a hop without a readable date. */
function report(): Report {
  const r = structuredClone(sampleReport);
  const hops = r.route.hops;
  expect(hops.length).toBeGreaterThanOrEqual(4);
  const [first, second, third] = hops;
  first!.ipClass = 'cgnat';
  first!.received.ip = '100.64.0.7';
  second!.clockIssue = 'negative';
  second!.delaySeconds = -40;
  third!.clockIssue = null;
  third!.delaySeconds = STALL_SECONDS + 120;
  const last = hops.at(-1)!;
  last.received.date = null;
  last.received.dateRaw = 'yesterday, roughly';
  last.clockIssue = 'missing';
  last.delaySeconds = null;
  return r;
}

describe('route rows: one model, five renderers', () => {
  const r = report();
  const rows = routeRows(r.route, r.checks);
  const cells = rows.map(routeCells);

  it('words its columns, classes and flags as the English locale does', () => {
    for (const c of ROUTE_COLUMNS) expect(getMessage(c.heading.key), c.id).toBe(c.heading.text);
    for (const cls of CLASSES) {
      expect(getMessage(classLabel(cls).key), cls).toBe(classLabel(cls).text);
      expect(getMessage(classHelp(cls).key), cls).toBe(classHelp(cls).text);
    }
    for (const row of rows) for (const p of [row.clockIssue, row.stalled]) if (p) expect(getMessage(p.key)).toBe(p.text);
    expect(cells[0]!.ipClass).toBe('CGNAT');
    expect(cells[1]!.delay).toMatch(/⚠ dated before the previous hop \(clock skew\)$/);
    expect(cells[2]!.delay).toMatch(/⚠ stalled: the message waited here$/);
    expect(cells.at(-1)!.time).toBe('yesterday, roughly');
    expect(cells.at(-1)!.delay).toBe('⚠ no readable date');
    expect(rows.some((row) => row.isSender && cells[rows.indexOf(row)]!.hop.endsWith(' (sender)'))).toBe(true);
    expect(rows.some((row) => row.liveText !== null)).toBe(true);
  });

  it('Markdown and HTML print the same cells under the same headings', () => {
    const table = Array.from(parseHtml(renderHtml(r)).querySelectorAll('table')).find((t) => t.querySelector('th')?.textContent === '#')!;
    expect(Array.from(table.querySelectorAll('th'), (th) => th.textContent)).toEqual(ROUTE_COLUMNS.map((c) => c.heading.text));
    for (const br of Array.from(table.querySelectorAll('br'))) br.replaceWith(' ');
    const html = Array.from(table.querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => plain(td.textContent)));
    const md = renderMarkdown(r)
      .split('\n')
      .filter((line) => /^\| \d/.test(line))
      .map((line) =>
        line
          .slice(2, -2)
          .split(/ (?<!\\)\| /)
          .map((cell) => plain(cell.replace(/`+/g, '').replace(/\\(.)/g, '$1'))),
      );
    expect(html).toHaveLength(rows.length);
    expect(md).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      // The live rDNS stands after the recorded one in both.
      const expected = ROUTE_COLUMNS.map((c) => plain(c.id === 'rdns' && row.liveText ? `${cells[i]![c.id]} ${row.liveText}` : cells[i]![c.id]));
      expect(html[i]).toEqual(expected);
      expect(md[i]).toEqual(expected.map((cell) => (cell === '' ? '—' : cell.startsWith(' ') ? `— ${cell.trim()}` : cell)));
    });
  });

  it('the CSV and the CLI carry the same values', () => {
    const csv = renderCsv(r)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.slice(1, -1).split('","'));
    const head = csv[0]!;
    const col = (name: string) => csv.slice(1).map((line) => line[head.indexOf(name)]);
    expect(col('hop')).toEqual(rows.map((row) => String(row.number)));
    expect(col('is_sender')).toEqual(rows.map((row) => String(row.isSender)));
    expect(col('ip')).toEqual(rows.map((row) => row.ip ?? ''));
    expect(col('ip_class')).toEqual(rows.map((row) => row.ipClass ?? ''));
    expect(col('iprev_now')).toEqual(rows.map((row) => row.live?.result ?? ''));
    expect(col('stalled')).toEqual(rows.map((row) => String(row.stalled !== null)));
    const text = formatReport(r);
    for (const row of rows) {
      for (const value of [row.helo, row.rdns, row.ip, row.by, row.delay, row.liveText]) if (value) expect(text).toContain(value);
      if (row.ipClass !== 'public' && row.ipClassLabel) expect(text).toContain(`[${row.ip}] ${row.ipClassLabel.text}`);
    }
    expect(text).toContain(`clock issue: ${rows[1]!.clockIssue!.text}`);
    expect(text).toContain(`⚠ ${rows[2]!.stalled!.text}`);
    expect(text).toMatch(/^▶ +\d+ /m);
  });

  it('the full tab shows the same cells, the IP class as a badge under the IP', async () => {
    const root = await mount(<HopsTable route={r.route} checks={r.checks} busy={false} />);
    const shown = ROUTE_COLUMNS.filter((c) => c.id !== 'ipClass');
    expect(Array.from(root.querySelectorAll('thead th'), (th) => th.textContent)).toEqual([...shown.map((c) => c.heading.text), getMessage('colSender')]);
    const trs = Array.from(root.querySelectorAll('tbody tr'));
    expect(trs).toHaveLength(rows.length);
    const missing = `—${getMessage('notInHeader')}`;
    const squeeze = (s: string) => s.replace(/[ ·,]/g, '');
    rows.forEach((row, i) => {
      const tds = Array.from(trs[i]!.children, (td) => plain(td.textContent));
      shown.forEach((c, j) => {
        const want = cells[i]![c.id];
        if (c.id === 'hop') expect(tds[j]).toBe(String(row.number));
        else if (c.id === 'ip') expect(tds[j]).toBe(`${row.ip ?? missing}${row.ipClassLabel?.text ?? ''}`);
        // The live rDNS is its own line under the recorded one, the verified name without a comma.
        else if (c.id === 'rdns') expect(squeeze(tds[j]!)).toBe(squeeze(`${want || missing}${row.liveText ?? ''}`));
        else if (c.id === 'protocol') expect(squeeze(tds[j]!)).toBe(squeeze(want || missing));
        // An unknown delay with nothing to flag is an empty cell, not a field the header left out.
        else if (c.id === 'delay') expect(squeeze(tds[j]!)).toBe(squeeze(want));
        else expect(tds[j]).toBe(want || missing);
      });
      expect(trs[i]!.classList.contains('sender-row')).toBe(row.isSender);
      expect(trs[i]!.classList.contains('stall-row')).toBe(row.stalled !== null);
    });
  });

  it('the popup list shows the same numbers, addresses, classes and flags, without live rDNS', async () => {
    const root = await mount(<HopList route={r.route} busy={false} />);
    const items = Array.from(root.querySelectorAll('[data-testid="hop-row"]'));
    expect(items).toHaveLength(rows.length);
    const popupRows = routeRows(r.route);
    expect(popupRows.every((row) => row.live === null)).toBe(true);
    popupRows.forEach((row, i) => {
      const item = items[i]!;
      expect(plain(item.querySelector('.hop-number')?.textContent)).toBe(String(row.number));
      if (row.ip) expect(plain(item.querySelector('.hop-ip')?.textContent)).toContain(`${row.ip} ${row.ipClassLabel!.text}`);
      expect(item.querySelector('.clock-issue')?.textContent ?? null).toBe(row.clockIssue && `⚠ ${row.clockIssue.text}`);
      expect(item.querySelector('[data-testid="stall-flag"]')?.textContent ?? null).toBe(row.stalled && `⚠ ${row.stalled.text}`);
      expect(item.querySelector('[data-testid="live-rdns"]')).toBeNull();
      if (row.time) expect(item.querySelector('.hop-more summary')?.textContent).toContain(row.time);
    });
  });
});
