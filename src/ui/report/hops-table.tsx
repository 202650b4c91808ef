import type { Hop, Route } from '../../core/route/types.js';
import { formatDelay, formatHopTime, formatProtocol } from '../../core/report/exporters/hop-text.js';
import { IpClassBadge } from '../components/ip-class-badge.js';
import { t } from '../i18n.js';

interface Props {
  route: Route;
  /** Offers "Use as sender" on each hop with an IP; absent while no message is loaded. */
  onUseAsSender?: (hopIndex: number) => void;
  /** True while an analysis runs, so a second pick waits for the first. */
  busy: boolean;
}

/** The route oldest first, one row per Received: header, the sender's row marked. */
export function HopsTable({ route, onUseAsSender, busy }: Props) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('hopsTableLabel')}>
      <table class="hops" data-testid="hops-table">
        <caption class="sr-only">{t('hopsTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('colFrom')}</th>
            <th scope="col">{t('colRdns')}</th>
            <th scope="col">{t('colIp')}</th>
            <th scope="col">{t('colBy')}</th>
            <th scope="col">{t('colProtocol')}</th>
            <th scope="col">{t('colTime')}</th>
            <th scope="col">{t('colDelay')}</th>
            <th scope="col">{t('colSender')}</th>
          </tr>
        </thead>
        <tbody>
          {route.hops.map((hop) => (
            <HopRow key={hop.index} hop={hop} isSender={route.origin?.hopIndex === hop.index} onUseAsSender={onUseAsSender} busy={busy} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HopRow({ hop, isSender, onUseAsSender, busy }: { hop: Hop; isSender: boolean; onUseAsSender?: (i: number) => void; busy: boolean }) {
  const r = hop.received;
  const n = hop.index + 1;
  return (
    <tr class={isSender ? 'sender-row' : undefined} data-testid="hop-row" data-hop={hop.index}>
      <th scope="row">{n}</th>
      <td class="mono">{r.helo ?? <Missing />}</td>
      <td class="mono">{r.rdns ?? <Missing />}</td>
      <td class="mono">
        {r.ip ?? <Missing />}
        {hop.ipClass && (
          <>
            {' '}
            <IpClassBadge ipClass={hop.ipClass} />
          </>
        )}
      </td>
      <td class="mono">{r.by ?? <Missing />}</td>
      <td>{formatProtocol(hop) || <Missing />}</td>
      <td title={r.dateRaw ?? undefined}>{formatHopTime(hop) || <Missing />}</td>
      <td>
        {formatDelay(hop.delaySeconds)}
        {hop.clockIssue && (
          <span class="clock-issue">
            <span aria-hidden="true"> ⚠ </span>
            {t(hop.clockIssue === 'negative' ? 'clockNegative' : 'clockMissing')}
          </span>
        )}
      </td>
      <td>
        {isSender ? (
          <span class="sender-mark">{t('senderMark')}</span>
        ) : (
          r.ip &&
          onUseAsSender && (
            <button type="button" class="small" disabled={busy} onClick={() => onUseAsSender(hop.index)} aria-label={t('useAsSenderLabel', [n, r.ip])}>
              {t('useAsSender')}
            </button>
          )
        )}
      </td>
    </tr>
  );
}

function Missing() {
  return (
    <span class="missing">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{t('notInHeader')}</span>
    </span>
  );
}
