import browser from 'webextension-polyfill';
import { t } from '../../i18n.js';
import { Inert } from '../components/inert.js';

interface Props {
  /** The resolver's URL or label, as the report names it. */
  resolver: string;
  /** The analysis's own line about the failure (which error, how many questions), when it has one. */
  detail: string | null;
  onRetry: () => void;
  busy: boolean;
}

/**
 * The resolver answered no question at all: every DNS result is unknown for one reason on this
 * side, said once here (with the two ways out) instead of in every card.
 */
export function ResolverDown({ resolver, detail, onRetry, busy }: Props) {
  return (
    <div class="notice notice-error" role="alert" data-testid="resolver-down">
      <p>
        <strong>{t('resolverDownTitle')}</strong> {t('resolverDownText', [resolver])}
      </p>
      {detail && (
        <details class="small-text">
          <summary>{t('resolverDownDetail')}</summary>
          <Inert text={detail} />
        </details>
      )}
      <p class="row">
        <button type="button" class="primary" data-testid="resolver-retry" disabled={busy} onClick={onRetry}>
          {t('resolverRetry')}
        </button>
        <button type="button" data-testid="resolver-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('optionsButton')}
        </button>
      </p>
    </div>
  );
}
