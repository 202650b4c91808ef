import { t, tOptional } from '../../i18n.js';

/** The worker's error in its own words, and what the user can do about it. */
export function ErrorNotice({ error }: { error: { code: string; message: string } }) {
  return (
    <div class="notice notice-error" role="alert" data-testid="error">
      <p>
        <strong>{t('errorTitle')}</strong> {error.message}
      </p>
      <p>{tOptional(`errorHelp_${error.code}`) ?? t('errorHelpGeneric')}</p>
    </div>
  );
}
