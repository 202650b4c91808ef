import type { EmbeddedMessageRef } from '../../core/message/types.js';
import { t } from '../../i18n.js';

interface Props {
  embedded: readonly EmbeddedMessageRef[];
  /** The embedded message in view; undefined for the outer message. */
  current: number | undefined;
  onPick: (index: number | undefined) => void;
  busy: boolean;
}

/** Switches between the outer message and the messages attached to it (a forwarded phish). */
export function EmbeddedPicker({ embedded, current, onPick, busy }: Props) {
  return (
    <div class="embedded-picker">
      <label for="embedded-select">{t('embeddedLabel')}</label>{' '}
      <select
        id="embedded-select"
        data-testid="embedded-select"
        value={current === undefined ? 'outer' : String(current)}
        disabled={busy}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          onPick(v === 'outer' ? undefined : Number(v));
        }}
      >
        <option value="outer">{t('embeddedOuter')}</option>
        {embedded.map((m) => (
          <option key={m.index} value={String(m.index)}>
            {t('embeddedItem', [m.index + 1, m.subject ?? t('noSubject'), m.from ?? '—', m.date?.slice(0, 10) ?? '—'])}
          </option>
        ))}
      </select>
    </div>
  );
}
