import type { Hop } from '../../route/types.js';
import { visible } from '../../text/inert.js';
import { liveReverseDns } from '../client-names.js';
import type { Report } from '../types.js';

type Cell = string | number | boolean | null;

const COLUMNS: { name: string; value(hop: Hop, report: Report): Cell }[] = [
  { name: 'hop', value: (h) => h.index + 1 },
  { name: 'received_index', value: (h) => h.receivedIndex },
  { name: 'is_sender', value: (h, r) => r.route.origin?.hopIndex === h.index },
  { name: 'helo', value: (h) => h.received.helo },
  { name: 'rdns', value: (h) => h.received.rdns },
  { name: 'iprev_now', value: (h, r) => liveReverseDns(h, r.checks)?.result ?? null },
  { name: 'ptr_verified_now', value: (h, r) => liveReverseDns(h, r.checks)?.verifiedName ?? null },
  { name: 'ip', value: (h) => h.received.ip },
  { name: 'ip_class', value: (h) => h.ipClass },
  { name: 'port', value: (h) => h.received.port },
  { name: 'by', value: (h) => h.received.by },
  { name: 'by_ip', value: (h) => h.received.byIp },
  { name: 'with', value: (h) => h.received.with },
  { name: 'tls_version', value: (h) => h.received.tls?.version ?? null },
  { name: 'tls_cipher', value: (h) => h.received.tls?.cipher ?? null },
  { name: 'tls_bits', value: (h) => h.received.tls?.bits ?? null },
  { name: 'date_utc', value: (h) => h.received.date },
  { name: 'date_raw', value: (h) => h.received.dateRaw },
  { name: 'delay_seconds', value: (h) => h.delaySeconds },
  { name: 'clock_issue', value: (h) => h.clockIssue },
  { name: 'id', value: (h) => h.received.id },
  { name: 'for', value: (h) => h.received.for },
  { name: 'envelope_from', value: (h) => h.received.envelopeFrom },
  { name: 'authenticated_sender', value: (h) => h.received.authenticatedSender },
  { name: 'software', value: (h) => h.received.software },
  { name: 'dialect', value: (h) => h.received.dialect },
];

/** The hops, one row each, oldest first (RFC 4180: CRLF, every cell quoted). */
export function renderCsv(report: Report): string {
  const rows = [COLUMNS.map((c) => c.name), ...report.route.hops.map((hop) => COLUMNS.map((c) => c.value(hop, report)))];
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
