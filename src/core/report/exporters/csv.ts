import type { Hop } from '../../route/types.js';
import type { Report } from '../types.js';

type Cell = string | number | boolean | null;

const COLUMNS: { name: string; value(hop: Hop, report: Report): Cell }[] = [
  { name: 'hop', value: (h) => h.index + 1 },
  { name: 'header_index', value: (h) => h.headerIndex },
  { name: 'is_sender', value: (h, r) => r.route.origin?.hopIndex === h.index },
  { name: 'helo', value: (h) => h.received.helo },
  { name: 'rdns', value: (h) => h.received.rdns },
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

/** The hops, one row each, oldest first (RFC 4180: CRLF, quoted where needed). */
export function renderCsv(report: Report): string {
  const rows = [COLUMNS.map((c) => c.name), ...report.route.hops.map((hop) => COLUMNS.map((c) => c.value(hop, report)))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Numbers and booleans are Hoplens' own and written as they are. Text comes from the message, so a
 * spreadsheet must never read it as a formula: a leading = + - @ TAB or CR gets an apostrophe.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
