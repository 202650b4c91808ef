import type { CheckResult } from '../../core/checks/index.js';
import { ROUTE_COLUMNS, type RouteRow, routeRow } from '../../core/report/route-rows.js';
import type { Route } from '../../core/route/types.js';
import { Inert } from '../components/inert.js';
import { IpClassBadge } from '../components/ip-class-badge.js';
import { t, tPhrase } from '../../i18n.js';
import { ClockFlag, HopGap, Host, Missing, rowClass, SenderAction, StallFlag, type HopActions } from './hop-parts.js';
import { segmentRows, useHopWindow } from './hop-window.js';

/** The exports' columns but the IP class, which the page shows as a badge under the IP. */
const SHOWN = ROUTE_COLUMNS.filter((c) => c.id !== 'ipClass');

/** The route oldest first, one row per Received: header, the sender's row marked: the full tab's view. */
export function HopsTable({ route, checks, onUseAsSender, busy }: { route: Route; checks: readonly CheckResult[] } & HopActions) {
  const { segments, reveal } = useHopWindow(route);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('hopsTableLabel')}>
      <table class="hops" data-testid="hops-table">
        <caption class="sr-only">{t('hopsTableCaption')}</caption>
        <thead>
          <tr>
            {SHOWN.map((c) => (
              <th key={c.id} scope="col">
                {tPhrase(c.heading)}
              </th>
            ))}
            <th scope="col">{t('colSender')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(segmentRows(segments, route.hops), (row) =>
            'gap' in row ? (
              <tr key={`gap-${row.gap.from}`} class="hop-gap" data-testid="hop-gap">
                <td colSpan={SHOWN.length + 1}>
                  <HopGap gap={row.gap} onReveal={reveal} />
                </td>
              </tr>
            ) : (
              <HopRow key={row.item.index} row={routeRow(row.item, route, checks)} onUseAsSender={onUseAsSender} busy={busy} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function HopRow({ row, ...actions }: { row: RouteRow } & HopActions) {
  return (
    <tr class={rowClass(row)} data-testid="hop-row" data-hop={row.hop.index}>
      <th scope="row">{row.number}</th>
      <td class="mono host">
        <Host name={row.helo} />
      </td>
      <td class="mono host">
        <Host name={row.rdns} />
        <LiveRdns row={row} />
      </td>
      <td class="mono ip">
        {row.ip ?? <Missing />}
        {row.ipClass && (
          <span class="ip-class-line">
            <IpClassBadge ipClass={row.ipClass} label={row.ipClassLabel!} help={row.ipClassHelp!} />
          </span>
        )}
      </td>
      <td class="mono host">
        <Host name={row.by} />
      </td>
      <td>
        {row.with !== null ? <Inert text={row.with} /> : !row.tls && <Missing />}
        {row.tls && (
          <span class="tls">
            <Inert text={row.tls} />
          </span>
        )}
      </td>
      <td class="time" title={row.hop.received.dateRaw ?? undefined}>
        <HopTime row={row} />
      </td>
      <td class="nowrap">
        {row.delay}
        <ClockFlag row={row} />
        <StallFlag row={row} />
      </td>
      <td>
        <SenderAction hop={row.hop} isSender={row.isSender} {...actions} />
      </td>
    </tr>
  );
}

/** Beside the rDNS the header recorded, what the iprev check finds now, once it has. */
function LiveRdns({ row }: { row: RouteRow }) {
  const { live } = row;
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
function HopTime({ row }: { row: RouteRow }) {
  if (!row.time) return <Missing />;
  if (!row.dated) return <Inert text={row.time} />;
  const [day, ...time] = row.time.split(' ');
  return (
    <>
      <span class="nowrap">{day}</span> <span class="nowrap">{time.join(' ')}</span>
    </>
  );
}
