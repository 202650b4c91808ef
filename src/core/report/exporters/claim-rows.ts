import type { Report } from '../types.js';

/** One line of what a receiving server recorded at delivery, as the exports tabulate it. */
export interface ClaimRow {
  server: string;
  method: string;
  result: string;
  details: string;
}

/** Authentication-Results entries (ARC included) and Received-SPF headers, in header order. */
export function claimRows(report: Report): ClaimRow[] {
  const results = report.claims.authResults.flatMap((h) =>
    h.results.map((r) => ({
      server: h.authservId,
      method: r.method,
      result: r.result,
      details: [...Object.entries(r.properties).map(([k, v]) => `${k}=${v}`), ...r.comments].join(' '),
    })),
  );
  const spf = report.claims.receivedSpf.map((s) => ({
    server: s.receiver ?? '',
    method: 'Received-SPF',
    result: s.result,
    details: [s.clientIp, s.envelopeFrom, s.comment].filter((p) => p).join(' '),
  }));
  return [...results, ...spf];
}
