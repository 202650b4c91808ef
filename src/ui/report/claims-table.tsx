import type { Claims } from '../../core/claims/types.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** What the receiving servers wrote at delivery time (Authentication-Results, Received-SPF), as written. */
export function ClaimsTable({ claims }: { claims: Claims }) {
  const rows = [
    ...claims.authResults.flatMap((h) =>
      h.results.map((r) => ({
        server: h.authservId,
        method: h.source === 'ARC-Authentication-Results' ? `${r.method} (ARC i=${h.instance ?? '?'})` : r.method,
        result: r.result,
        detail: [...Object.entries(r.properties).map(([k, v]) => `${k}=${v}`), ...r.comments].join(' '),
      })),
    ),
    ...claims.receivedSpf.map((s) => ({
      server: s.receiver ?? '',
      method: 'Received-SPF',
      result: s.result,
      detail: [s.clientIp, s.envelopeFrom, s.comment].filter((p) => p).join(' '),
    })),
  ];
  if (rows.length === 0) return <p class="muted">{t('claimsNone')}</p>;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('claimsTitle')}>
      <table class="compact" data-testid="claims-table">
        <thead>
          <tr>
            <th scope="col">{t('claimsServer')}</th>
            <th scope="col">{t('claimsMethod')}</th>
            <th scope="col">{t('claimsResult')}</th>
            <th scope="col">{t('claimsDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td class="mono">{r.server ? <Inert text={r.server} host /> : <span class="muted">{t('claimsNoServer')}</span>}</td>
              <td>
                <Inert text={r.method} />
              </td>
              <td>
                <strong>
                  <Inert text={r.result} />
                </strong>
              </td>
              <td class="mono small-text">
                <Inert text={r.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
