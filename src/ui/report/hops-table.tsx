import type { CheckResult } from '../../core/checks/index.js';
import { isStalled } from '../../core/route/stall.js';
import { liveReverseDns } from '../../core/report/client-names.js';
import type { Hop, Route } from '../../core/route/types.js';
import { Inert } from '../components/inert.js';
import { formatDelay, formatHopTime, formatTls } from '../../core/report/exporters/hop-text.js';
import { IpClassBadge } from '../components/ip-class-badge.js';
import { t } from '../../i18n.js';
import { ClockFlag, HopGap, Host, Missing, SenderAction, StallFlag, type HopActions } from './hop-parts.js';
import { segmentRows, useHopWindow } from './hop-window.js';

/** The route oldest first, one row per Received: header, the sender's row marked: the full tab's view. */
export function HopsTable({ route, checks, onUseAsSender, busy }: { route: Route; checks: readonly CheckResult[] } & HopActions) {
  const { segments, reveal } = useHopWindow(route);
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
          {Array.from(segmentRows(segments, route.hops), (row) =>
            'gap' in row ? (
              <tr key={`gap-${row.gap.from}`} class="hop-gap" data-testid="hop-gap">
                <td colSpan={9}>
                  <HopGap gap={row.gap} onReveal={reveal} />
                </td>
              </tr>
            ) : (
              <HopRow
                key={row.item.index}
                hop={row.item}
                checks={checks}
                isSender={route.origin?.hopIndex === row.item.index}
                onUseAsSender={onUseAsSender}
                busy={busy}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function HopRow({ hop, checks, isSender, ...actions }: { hop: Hop; checks: readonly CheckResult[]; isSender: boolean } & HopActions) {
  const r = hop.received;
  const tls = formatTls(r.tls);
  const rowClass = [isSender && 'sender-row', hop.clockIssue && 'clock-row', isStalled(hop) && 'stall-row'].filter(Boolean).join(' ');
  return (
    <tr class={rowClass || undefined} data-testid="hop-row" data-hop={hop.index}>
      <th scope="row">{hop.index + 1}</th>
      <td class="mono host">
        <Host name={r.helo} />
      </td>
      <td class="mono host">
        <Host name={r.rdns} />
        <LiveRdns hop={hop} checks={checks} />
      </td>
      <td class="mono ip">
        {r.ip ?? <Missing />}
        {hop.ipClass && (
          <span class="ip-class-line">
            <IpClassBadge ipClass={hop.ipClass} />
          </span>
        )}
      </td>
      <td class="mono host">
        <Host name={r.by} />
      </td>
      <td>
        {r.with !== null ? <Inert text={r.with} /> : !tls && <Missing />}
        {tls && (
          <span class="tls">
            <Inert text={tls} />
          </span>
        )}
      </td>
      <td class="time" title={r.dateRaw ?? undefined}>
        <HopTime hop={hop} />
      </td>
      <td class="nowrap">
        {formatDelay(hop.delaySeconds)}
        <ClockFlag hop={hop} />
        <StallFlag hop={hop} />
      </td>
      <td>
        <SenderAction hop={hop} isSender={isSender} {...actions} />
      </td>
    </tr>
  );
}

/** Beside the rDNS the header recorded, what the iprev check finds now, once it has. */
function LiveRdns({ hop, checks }: { hop: Hop; checks: readonly CheckResult[] }) {
  const live = liveReverseDns(hop, checks);
  if (!live) return null;
  return (
    <span class="live-rdns" data-testid="live-rdns">
      {t('rdnsNow')} <span class={`live-result result-${live.result}`}>{live.result}</span>
      {live.verifiedName && (
        <>
          {' '}
          <Host name={live.verifiedName} />
        </>
      )}
    </span>
  );
}

/** Day and time of day as two unbreakable parts, so a narrow column wraps between them. */
function HopTime({ hop }: { hop: Hop }) {
  const text = formatHopTime(hop);
  if (!text) return <Missing />;
  if (!hop.received.date) return <Inert text={text} />;
  const [day, ...time] = text.split(' ');
  return (
    <>
      <span class="nowrap">{day}</span> <span class="nowrap">{time.join(' ')}</span>
    </>
  );
}
