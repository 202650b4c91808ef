import { fieldsThatFit } from '../claims/row-cap.js';
import type { Claims } from '../claims/types.js';
import { phrase, type Phrase } from '../text/phrase.js';

/** One line of what a receiving server recorded at delivery, as every view and export tabulates it. */
export interface ClaimRow {
  server: string;
  /** The method, and for an ARC-Authentication-Results its set: "spf (ARC i=2)". */
  method: string;
  result: string;
  details: string;
}

export interface ClaimTable {
  rows: ClaimRow[];
  /** The fields past MAX_CLAIM_ROWS rows, not shown; and the line that says so, null when none. */
  fieldsLeftOut: number;
  leftOut: Phrase | null;
}

/**
 * Authentication-Results entries (ARC included) and Received-SPF fields in header order, as
 * written, up to MAX_CLAIM_ROWS rows of whole fields: the receiving side writes its own at the
 * top, so what a stuffing adds below is what is left out, and counted.
 */
export function claimTable(claims: Claims): ClaimTable {
  const fields = [
    ...claims.authResults.map((h) => ({
      at: h.fieldIndex,
      rows: h.results.map((r) => ({
        server: h.authservId,
        method: h.source === 'ARC-Authentication-Results' ? `${r.method} (ARC i=${h.instance ?? '?'})` : r.method,
        result: r.result,
        details: [...Object.entries(r.properties).map(([k, v]) => `${k}=${v}`), ...r.comments].join(' '),
      })),
    })),
    ...claims.receivedSpf.map((s) => ({
      at: s.fieldIndex,
      rows: [
        { server: s.receiver ?? '', method: 'Received-SPF', result: s.result, details: [s.clientIp, s.envelopeFrom, s.comment].filter((p) => p).join(' ') },
      ],
    })),
  ].sort((a, b) => a.at - b.at);
  const shown = fieldsThatFit(fields.map((f) => f.rows.length));
  const fieldsLeftOut = fields.length - shown;
  return {
    rows: fields.slice(0, shown).flatMap((f) => f.rows),
    fieldsLeftOut,
    leftOut:
      fieldsLeftOut === 0 ? null : phrase('claimsLeftOut', `Authentication-Results and Received-SPF fields not shown: ${fieldsLeftOut}`, [fieldsLeftOut]),
  };
}
