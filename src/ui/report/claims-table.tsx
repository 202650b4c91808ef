import type { Claims } from '../../core/claims/types.js';
import { claimTable } from '../../core/report/claim-rows.js';
import { t, tPhrase } from '../../i18n.js';
import { Inert } from '../components/inert.js';

/** What the receiving servers wrote at delivery time (Authentication-Results, Received-SPF), as written. */
export function ClaimsTable({ claims }: { claims: Claims }) {
  const { rows, leftOut } = claimTable(claims);
  if (rows.length === 0 && !leftOut) return <p class="muted">{t('claimsNone')}</p>;
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
                <Inert text={r.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {leftOut && (
        <p class="muted" data-testid="claims-left-out">
          {tPhrase(leftOut)}
        </p>
      )}
    </div>
  );
}
