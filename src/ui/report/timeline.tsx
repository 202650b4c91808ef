import type { Route } from '../../core/route/types.js';
import { formatDelay } from '../../core/report/exporters/hop-text.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

const ROW = 22;
const LABEL = 56;
const WIDTH = 560;
const BAR_MAX = WIDTH - LABEL - 110;

/** Delay per hop as horizontal bars, with the same numbers as a table for anyone who cannot see it. */
export function Timeline({ route }: { route: Route }) {
  const hops = route.hops.slice(1);
  if (hops.length === 0) return null;
  const longest = Math.max(1, ...hops.map((h) => Math.abs(h.delaySeconds ?? 0)));
  const text = (delay: number | null) => (delay === null ? t('delayUnknown') : formatDelay(delay));
  const description = t('timelineLabel', [hops.map((h) => `${t('hopN', [h.index + 1])}: ${text(h.delaySeconds)}`).join('; ')]);
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
            {hops.map((hop) => (
              <tr key={hop.index}>
                <th scope="row">{hop.index + 1}</th>
                <td class="mono">{hop.received.by === null ? '—' : <Inert text={hop.received.by} host />}</td>
                <td>{text(hop.delaySeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
