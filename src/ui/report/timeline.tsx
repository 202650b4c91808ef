import type { Route } from '../../core/route/types.js';
import { formatDelay } from '../../core/report/exporters/hop-text.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';
import { HopGap } from './hop-parts.js';
import { segmentRows, useHopWindow } from './hop-window.js';

const ROW = 22;
const LABEL = 56;
const WIDTH = 560;
const BAR_MAX = WIDTH - LABEL - 110;

/** Delay per hop as horizontal bars, with the same numbers as a table for anyone who cannot see it. */
export function Timeline({ route }: { route: Route }) {
  const { segments, reveal } = useHopWindow(route);
  if (route.hops.length < 2) return null;
  // The first hop has no delay before it; long routes show the hops their hop table shows.
  const rows = Array.from(segmentRows(segments, route.hops)).filter((row) => !('item' in row) || row.item.index > 0);
  const hops = rows.flatMap((row) => ('item' in row ? [row.item] : []));
  let longest = 1;
  for (const h of route.hops) longest = Math.max(longest, Math.abs(h.delaySeconds ?? 0));
  const text = (delay: number | null) => (delay === null ? t('delayUnknown') : formatDelay(delay));
  const describe = (row: (typeof rows)[number]) =>
    'item' in row
      ? `${t('hopN', [row.item.index + 1])}: ${text(row.item.delaySeconds)}`
      : t('hopsLeftOut', [row.gap.from + 1, row.gap.to + 1, row.gap.to - row.gap.from + 1]);
  const description = t('timelineLabel', [rows.map(describe).join('; ')]);
  return (
    <figure class="timeline">
      <svg role="img" aria-label={description} viewBox={`0 0 ${WIDTH} ${hops.length * ROW + 4}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {hops.map((hop, i) => {
          const y = i * ROW + 2;
          const delay = hop.delaySeconds;
          const width = delay === null ? 0 : Math.max(delay === 0 ? 0 : 2, (Math.abs(delay) / longest) * BAR_MAX);
          const kind = delay === null ? 'unknown' : delay < 0 ? 'negative' : 'positive';
          return (
            <g key={hop.index}>
              <text x={0} y={y + ROW / 2 + 4} class="timeline-label">
                {t('hopN', [hop.index + 1])}
              </text>
              <rect x={LABEL} y={y + 3} width={width} height={ROW - 8} rx={2} class={`bar bar-${kind}`} />
              <text x={LABEL + width + 6} y={y + ROW / 2 + 4} class="timeline-value">
                {text(delay)}
                {hop.clockIssue === 'negative' ? ` ⚠ ${t('clockNegative')}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('timelineAsTable')}</summary>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('colBy')}</th>
              <th scope="col">{t('colDelay')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              'item' in row ? (
                <tr key={row.item.index}>
                  <th scope="row">{row.item.index + 1}</th>
                  <td class="mono">{row.item.received.by === null ? '—' : <Inert text={row.item.received.by} host />}</td>
                  <td>{text(row.item.delaySeconds)}</td>
                </tr>
              ) : (
                <tr key={`gap-${row.gap.from}`} class="hop-gap">
                  <td colSpan={3}>
                    <HopGap gap={row.gap} onReveal={reveal} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
