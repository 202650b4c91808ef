import type { Hop, Route } from '../../core/route/types.js';
import { isStalled } from '../../core/route/stall.js';
import { formatDelay, formatHopTime, formatTls } from '../../core/report/exporters/hop-text.js';
import { IpClassBadge } from '../components/ip-class-badge.js';
import { t } from '../../i18n.js';
import { ClockFlag, HopGap, Host, SenderAction, StallFlag, type HopActions } from './hop-parts.js';
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
          <HopItem key={row.item.index} hop={row.item} isSender={route.origin?.hopIndex === row.item.index} onUseAsSender={onUseAsSender} busy={busy} />
        ),
      )}
    </ol>
  );
}

function HopItem({ hop, isSender, ...actions }: { hop: Hop; isSender: boolean } & HopActions) {
  const r = hop.received;
  const from = r.helo ?? r.rdns;
  const meta = [r.with, r.tls?.version ?? null, formatHopTime(hop) || null].filter((p) => p).join(' · ');
  const itemClass = ['hop', isSender && 'sender-row', hop.clockIssue && 'clock-row', isStalled(hop) && 'stall-row'].filter(Boolean).join(' ');
  return (
    <li class={itemClass} data-testid="hop-row" data-hop={hop.index}>
      <span class="hop-number" aria-hidden="true">
        {hop.index + 1}
      </span>
      <div class="hop-body">
        <p class="hop-path">
          <span class="sr-only">{t('hopN', [hop.index + 1])}: </span>
          {from !== null && <span class="name-kind">{from === r.helo ? t('hopHelo') : t('hopRdns')}</span>}{' '}
          <span class="mono host">
            <Host name={from} />
          </span>
          <span class="arrow" aria-hidden="true">
            {' → '}
          </span>
          <span class="sr-only"> {t('hopTo')} </span>
          <span class="mono host">
            <Host name={r.by} />
          </span>
        </p>
        {r.ip && (
          <p class="hop-ip">
            <span class="mono">{r.ip}</span> {hop.ipClass && <IpClassBadge ipClass={hop.ipClass} />}
            {r.rdns !== from && (
              <span class="rdns">
                {' '}
                <span class="muted">{t('hopRdns')}</span>{' '}
                <span class="mono">
                  <Host name={r.rdns} />
                </span>
              </span>
            )}
          </p>
        )}
        <details class="hop-more">
          <summary>{meta || t('hopHeader')}</summary>
          <dl class="facts">
            {r.tls && (
              <>
                <dt>{t('hopTls')}</dt>
                <dd class="mono">{formatTls(r.tls)}</dd>
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
            {formatDelay(hop.delaySeconds)}
          </span>
        )}
        <ClockFlag hop={hop} />
        <StallFlag hop={hop} />
        <SenderAction hop={hop} isSender={isSender} {...actions} />
      </div>
    </li>
  );
}
