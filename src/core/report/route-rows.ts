import type { CheckResult } from '../checks/index.js';
import { classHelp, classLabel } from '../net/class-words.js';
import type { IpClass } from '../net/types.js';
import { isStalled } from '../route/stall.js';
import type { Hop, Route } from '../route/types.js';
import { type Phrase, phrase } from '../text/phrase.js';
import { type LiveReverseDns, liveReverseDns } from './client-names.js';
import { formatDelay, formatHopTime, formatProtocol, formatTls } from './exporters/hop-text.js';

/** The route table's columns, in order, as every view and export heads them. */
export type RouteColumnId = 'hop' | 'helo' | 'rdns' | 'ip' | 'ipClass' | 'by' | 'protocol' | 'time' | 'delay';

export interface RouteColumn {
  readonly id: RouteColumnId;
  readonly heading: Phrase;
  /** A host name column: it wraps after dots only, since a name cut inside a label reads as another name. */
  readonly host: boolean;
}

export const ROUTE_COLUMNS: readonly RouteColumn[] = [
  { id: 'hop', heading: phrase('colHop', '#'), host: false },
  { id: 'helo', heading: phrase('colFrom', 'From (HELO)'), host: true },
  { id: 'rdns', heading: phrase('colRdns', 'Reverse DNS (as recorded)'), host: true },
  { id: 'ip', heading: phrase('colIp', 'IP'), host: false },
  { id: 'ipClass', heading: phrase('colIpClass', 'IP class'), host: false },
  { id: 'by', heading: phrase('colBy', 'By'), host: true },
  { id: 'protocol', heading: phrase('colProtocol', 'Protocol / TLS'), host: false },
  { id: 'time', heading: phrase('colTime', 'Time'), host: false },
  { id: 'delay', heading: phrase('colDelay', 'Delay'), host: false },
];

/**
 * One hop as the route table shows it (the CLI, Markdown, HTML, CSV and the pages): each only
 * formats this. helo, rdns, ip, by, with, tls, protocol and an unread time come from the header:
 * every renderer shows them inert.
 */
export interface RouteRow {
  readonly hop: Hop;
  /** Counted from 1, oldest first, as every view numbers hops. */
  readonly number: number;
  readonly isSender: boolean;
  readonly helo: string | null;
  /** The reverse DNS the receiving server recorded. */
  readonly rdns: string | null;
  /** What Hoplens' iprev check found for the IP now; null before it ran, and in views given no checks. */
  readonly live: LiveReverseDns | null;
  /** The same as words beside the recorded rDNS: "now: pass, mail.example.com". */
  readonly liveText: string | null;
  readonly ip: string | null;
  readonly ipClass: IpClass | null;
  /** The class as a badge or a cell names it ("CGNAT"), and what it means for the checks. */
  readonly ipClassLabel: Phrase | null;
  readonly ipClassHelp: Phrase | null;
  readonly by: string | null;
  readonly with: string | null;
  /** TLS version, cipher and bits; "" when the header gave none. */
  readonly tls: string;
  /** `with` and TLS in one cell: "ESMTPS · TLSv1.3 TLS_AES_256_GCM_SHA384". */
  readonly protocol: string;
  /** "2024-05-01 10:00:02 UTC"; the header's own text when it could not be read; "" when absent. */
  readonly time: string;
  /** The date was read: `time` is Hoplens' form, not the header's text. */
  readonly dated: boolean;
  /** Since the hop before, as formatDuration writes it; "" when unknown. */
  readonly delay: string;
  /** Why the hop's clock looks wrong; null when it looks fine. */
  readonly clockIssue: Phrase | null;
  /** The message waited 10 minutes or more before this hop (route/stall.ts). */
  readonly stalled: Phrase | null;
}

const CLOCK_ISSUES = {
  negative: phrase('clockNegative', 'dated before the previous hop (clock skew)'),
  missing: phrase('clockMissing', 'no readable date'),
} as const;

const STALLED = phrase('stalledHere', 'stalled: the message waited here');

/** One hop's row. One-hop views without check results (the popup's list) pass none: no live rDNS. */
export function routeRow(hop: Hop, route: Route, checks: readonly CheckResult[] = []): RouteRow {
  const r = hop.received;
  const live = liveReverseDns(hop, checks);
  return {
    hop,
    number: hop.index + 1,
    isSender: route.origin?.hopIndex === hop.index,
    helo: r.helo,
    rdns: r.rdns,
    live,
    liveText: live && (live.verifiedName ? `now: ${live.result}, ${live.verifiedName}` : `now: ${live.result}`),
    ip: r.ip,
    ipClass: hop.ipClass,
    ipClassLabel: hop.ipClass && classLabel(hop.ipClass),
    ipClassHelp: hop.ipClass && classHelp(hop.ipClass),
    by: r.by,
    with: r.with,
    tls: formatTls(r.tls),
    protocol: formatProtocol(hop),
    time: formatHopTime(hop),
    dated: r.date !== null,
    delay: formatDelay(hop.delaySeconds),
    clockIssue: hop.clockIssue ? CLOCK_ISSUES[hop.clockIssue] : null,
    stalled: isStalled(hop) ? STALLED : null,
  };
}

/** Every hop of the route, oldest first. */
export function routeRows(route: Route, checks: readonly CheckResult[] = []): RouteRow[] {
  return route.hops.map((hop) => routeRow(hop, route, checks));
}

/** The flags after a delay, each behind a ⚠: "⚠ dated before the previous hop (clock skew)". */
export function rowFlags(row: RouteRow): Phrase[] {
  return [row.clockIssue, row.stalled].filter((p) => p !== null);
}

/** Each column's text for a row, for the text tables (Markdown, HTML); "" where the header gave nothing. */
export function routeCells(row: RouteRow): Record<RouteColumnId, string> {
  return {
    hop: `${row.number}${row.isSender ? ' (sender)' : ''}`,
    helo: row.helo ?? '',
    rdns: row.rdns ?? '',
    ip: row.ip ?? '',
    ipClass: row.ipClassLabel?.text ?? '',
    by: row.by ?? '',
    protocol: row.protocol,
    time: row.time,
    delay: [row.delay, ...rowFlags(row).map((f) => `⚠ ${f.text}`)].filter((p) => p).join(' '),
  };
}
