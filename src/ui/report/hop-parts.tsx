import type { RouteRow } from '../../core/report/route-rows.js';
import type { Hop } from '../../core/route/types.js';
import { t, tPhrase } from '../../i18n.js';
import { Inert } from '../components/inert.js';
import { REVEAL_STEP, type HopSegment } from './hop-window.js';

/** What the route table and the popup's hop list both offer on each hop. */
export interface HopActions {
  /** Offers "Use as sender" on each hop with an IP; absent while no message is loaded. */
  onUseAsSender?: (hopIndex: number) => void;
  /** True while an analysis runs, so a second pick waits for the first. */
  busy: boolean;
}

/** A field the header did not give: a dash to the eye, words to a screen reader. */
export function Missing() {
  return (
    <span class="missing">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{t('notInHeader')}</span>
    </span>
  );
}

/**
 * A host name from a header, as inert text that may wrap after its dots, never inside a label
 * (a run longer than any real label may break anywhere), cut with "show all" when too long;
 * absent names show as missing.
 */
export function Host({ name }: { name: string | null }) {
  if (name === null) return <Missing />;
  return <Inert text={name} host />;
}

/** A hop dated before the one before it, or not dated at all, flagged in words. */
export function ClockFlag({ row }: { row: RouteRow }) {
  if (!row.clockIssue) return null;
  return (
    <span class="clock-issue">
      <span aria-hidden="true">⚠ </span>
      {tPhrase(row.clockIssue)}
    </span>
  );
}

/** A hop the message waited minutes before, flagged in words beside its delay. */
export function StallFlag({ row }: { row: RouteRow }) {
  if (!row.stalled) return null;
  return (
    <span class="stall-issue" data-testid="stall-flag">
      <span aria-hidden="true">⚠ </span>
      {tPhrase(row.stalled)}
    </span>
  );
}

/** The row's class for the styles: the sender's, a clock issue's, a stall's. */
export function rowClass(row: RouteRow, ...more: string[]): string | undefined {
  return [...more, row.isSender && 'sender-row', row.clockIssue && 'clock-row', row.stalled && 'stall-row'].filter(Boolean).join(' ') || undefined;
}

/** "Sender" on the sender's hop; on any other hop with an IP, the button that makes it the sender. */
export function SenderAction({ hop, isSender, onUseAsSender, busy }: { hop: Hop; isSender: boolean } & HopActions) {
  const ip = hop.received.ip;
  if (isSender) return <span class="sender-mark">{t('senderMark')}</span>;
  if (!ip || !onUseAsSender) return null;
  return (
    <button type="button" class="small quiet" disabled={busy} onClick={() => onUseAsSender(hop.index)} aria-label={t('useAsSenderLabel', [hop.index + 1, ip])}>
      {t('useAsSender')}
    </button>
  );
}

/** A run of hops a long route leaves out, with a button that shows the next of them. */
export function HopGap({ gap, onReveal }: { gap: HopSegment; onReveal: (gap: HopSegment) => void }) {
  const count = gap.to - gap.from + 1;
  return (
    <span class="hop-gap-line">
      <span class="muted">{t('hopsLeftOut', [gap.from + 1, gap.to + 1, count])}</span>{' '}
      <button type="button" class="small quiet" data-testid="show-more-hops" onClick={() => onReveal(gap)}>
        {t('showMoreHops', [Math.min(count, REVEAL_STEP)])}
      </button>
    </span>
  );
}
