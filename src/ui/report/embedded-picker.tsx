import type { EmbeddedMessageRef } from '../../core/message/types.js';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

interface Props {
  embedded: readonly EmbeddedMessageRef[];
  /** The embedded message in view; undefined for the outer message. */
  current: number | undefined;
  onPick: (index: number | undefined) => void;
  busy: boolean;
}

/**
 * Switches between the outer message and the messages attached to it. A message that carries
 * one other message is most often a forward or a report of it (a user's "this is phishing"), and
 * the attached one is what the reader came for: it is offered first, as a button above the
 * report, not hidden in a list. Several attachments get a list, the attached ones first.
 */
export function EmbeddedPicker({ embedded, current, onPick, busy }: Props) {
  if (embedded.length === 1) return <SingleAttachment message={embedded[0]!} showing={current === embedded[0]!.index} onPick={onPick} busy={busy} />;
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
        {embedded.map((m) => (
          <option key={m.index} value={String(m.index)}>
            {itemText(m)}
          </option>
        ))}
        <option value="outer">{t('embeddedOuter')}</option>
      </select>
    </div>
  );
}

function itemText(m: EmbeddedMessageRef): string {
  return t('embeddedItem', [m.index + 1, m.subject ?? t('noSubject'), m.from ?? '—', m.date?.slice(0, 10) ?? '—']);
}

function SingleAttachment({ message: m, showing, onPick, busy }: { message: EmbeddedMessageRef; showing: boolean; onPick: Props['onPick']; busy: boolean }) {
  if (showing) {
    return (
      <p class="embedded-offer notice" data-testid="embedded-offer">
        {t('embeddedShowing')}{' '}
        <button type="button" class="small" data-testid="embedded-outer" disabled={busy} onClick={() => onPick(undefined)}>
          {t('embeddedShowOuter')}
        </button>
      </p>
    );
  }
  return (
    <div class="embedded-offer notice" data-testid="embedded-offer">
      <p>
        <strong>{t('embeddedCarries')}</strong> <Inert text={m.subject ?? t('noSubject')} /> —{' '}
        <span class="mono">
          <Inert text={m.from ?? '—'} />
        </span>
      </p>
      <button type="button" class="primary" data-testid="embedded-attached" disabled={busy} onClick={() => onPick(m.index)}>
        {t('embeddedAnalyzeAttached')}
      </button>
    </div>
  );
}
