import { visible } from '../../text/inert.js';
import { type RouteRow, routeRows } from '../route-rows.js';
import type { Report } from '../types.js';

type Cell = string | number | boolean | null;

/** The route table's row with the header's every field: the data a spreadsheet sorts and filters (machine words, not sentences). */
const COLUMNS: { name: string; value(row: RouteRow): Cell }[] = [
  { name: 'hop', value: (r) => r.number },
  { name: 'received_index', value: (r) => r.hop.receivedIndex },
  { name: 'is_sender', value: (r) => r.isSender },
  { name: 'helo', value: (r) => r.helo },
  { name: 'rdns', value: (r) => r.rdns },
  { name: 'iprev_now', value: (r) => r.live?.result ?? null },
  { name: 'ptr_verified_now', value: (r) => r.live?.verifiedName ?? null },
  { name: 'ip', value: (r) => r.ip },
  { name: 'ip_class', value: (r) => r.ipClass },
  { name: 'port', value: (r) => r.hop.received.port },
  { name: 'by', value: (r) => r.by },
  { name: 'by_ip', value: (r) => r.hop.received.byIp },
  { name: 'with', value: (r) => r.with },
  { name: 'tls_version', value: (r) => r.hop.received.tls?.version ?? null },
  { name: 'tls_cipher', value: (r) => r.hop.received.tls?.cipher ?? null },
  { name: 'tls_bits', value: (r) => r.hop.received.tls?.bits ?? null },
  { name: 'date_utc', value: (r) => r.hop.received.date },
  { name: 'date_raw', value: (r) => r.hop.received.dateRaw },
  { name: 'delay_seconds', value: (r) => r.hop.delaySeconds },
  { name: 'clock_issue', value: (r) => r.hop.clockIssue },
  { name: 'stalled', value: (r) => r.stalled !== null },
  { name: 'id', value: (r) => r.hop.received.id },
  { name: 'for', value: (r) => r.hop.received.for },
  { name: 'envelope_from', value: (r) => r.hop.received.envelopeFrom },
  { name: 'authenticated_sender', value: (r) => r.hop.received.authenticatedSender },
  { name: 'software', value: (r) => r.hop.received.software },
  { name: 'dialect', value: (r) => r.hop.received.dialect },
];

/** The hops, one row each, oldest first (RFC 4180: CRLF, every cell quoted). */
export function renderCsv(report: Report): string {
  const rows = [COLUMNS.map((c) => c.name), ...routeRows(report.route, report.checks).map((row) => COLUMNS.map((c) => c.value(row)))];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Every cell is quoted: a spreadsheet that splits on ";" or TAB (the default where "," is the
 * decimal mark) would otherwise cut an unquoted "x;=2*21" into a cell that starts a formula.
 * Text comes from the message, so it is also made inert: control and bidi characters become
 * visible markers (a CSV opened in a terminal or editor must not act on ESC or reorder on RLO),
 * and a leading = + - @ gets an apostrophe so that no spreadsheet reads it as a formula (after
 * visible(), TAB and CR can no longer lead). Numbers and booleans are Hoplens' own.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '""';
  const raw = typeof value === 'string' ? visible(value) : String(value);
  const text = typeof value === 'string' && /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return `"${text.replace(/"/g, '""')}"`;
}
