import { type RouteRow, routeRow } from '../../core/report/route-rows.js';
import type { Route } from '../../core/route/types.js';
import { IpClassBadge } from '../components/ip-class-badge.js';
import { t } from '../../i18n.js';
import { ClockFlag, HopGap, Host, rowClass, SenderAction, StallFlag, type HopActions } from './hop-parts.js';
import { segmentRows, useHopWindow } from './hop-window.js';

/**
 * The route for the narrow popup: one item per hop reading "from → by", the IP and its class,
 * the delay; protocol, TLS and the date on a line that opens onto the whole Received: header.
 */
export function HopList({ route, onUseAsSender, busy }: { route: Route } & HopActions) {
  const { segments, reveal } = useHopWindow(route);
  return (
    <ol class="hop-list" data-testid="hops-table" aria-label={t('hopsTableCaption')}>
      {Array.from(segmentRows(segments, route.hops), (row) =>
        'gap' in row ? (
          <li key={`gap-${row.gap.from}`} class="hop-gap" data-testid="hop-gap">
            <HopGap gap={row.gap} onReveal={reveal} />
          </li>
        ) : (
          // The popup's list shows no live rDNS: its rows take no check results.
          <HopItem key={row.item.index} row={routeRow(row.item, route)} onUseAsSender={onUseAsSender} busy={busy} />
        ),
      )}
    </ol>
  );
}

function HopItem({ row, ...actions }: { row: RouteRow } & HopActions) {
  const { hop } = row;
  const r = hop.received;
  const from = row.helo ?? row.rdns;
  const meta = [row.with, r.tls?.version ?? null, row.time || null].filter((p) => p).join(' · ');
  return (
    <li class={rowClass(row, 'hop')} data-testid="hop-row" data-hop={hop.index}>
      <span class="hop-number" aria-hidden="true">
        {row.number}
      </span>
      <div class="hop-body">
        <p class="hop-path">
          <span class="sr-only">{t('hopN', [row.number])}: </span>
          {from !== null && <span class="name-kind">{from === row.helo ? t('hopHelo') : t('hopRdns')}</span>}{' '}
          <span class="mono host">
            <Host name={from} />
          </span>
          <span class="arrow" aria-hidden="true">
            {' → '}
          </span>
          <span class="sr-only"> {t('hopTo')} </span>
          <span class="mono host">
            <Host name={row.by} />
          </span>
        </p>
        {row.ip && (
          <p class="hop-ip">
            <span class="mono">{row.ip}</span> {row.ipClass && <IpClassBadge ipClass={row.ipClass} label={row.ipClassLabel!} help={row.ipClassHelp!} />}
            {row.rdns !== from && (
              <span class="rdns">
                {' '}
                <span class="muted">{t('hopRdns')}</span>{' '}
                <span class="mono">
                  <Host name={row.rdns} />
                </span>
              </span>
            )}
          </p>
        )}
        <details class="hop-more">
          <summary>{meta || t('hopHeader')}</summary>
          <dl class="facts">
            {row.tls && (
              <>
                <dt>{t('hopTls')}</dt>
                <dd class="mono">{row.tls}</dd>
              </>
            )}
            {r.dateRaw && (
              <>
                <dt>{t('hopDateRaw')}</dt>
                <dd class="mono">{r.dateRaw}</dd>
              </>
            )}
          </dl>
          <pre class="records">{r.raw}</pre>
        </details>
      </div>
      <div class="hop-side">
        {hop.delaySeconds !== null && (
          <span class="delay">
            <span class="sr-only">{t('colDelay')}: </span>
            {hop.delaySeconds > 0 ? '+' : ''}
            {row.delay}
          </span>
        )}
        <ClockFlag row={row} />
        <StallFlag row={row} />
        <SenderAction hop={hop} isSender={row.isSender} {...actions} />
      </div>
    </li>
  );
}
