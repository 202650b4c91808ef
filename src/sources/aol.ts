import { t } from '../i18n.js';
import { yahooPlatformSource } from './yahoo-platform.js';

/** AOL Mail runs on Yahoo Mail's platform: the same views, the same raw-message endpoint. */
export const aolSource = yahooPlatformSource({
  id: 'aol',
  label: () => t('sourceAol'),
  hosts: /^mail\.aol\.com$/,
  pasteHelp: () => [t('aolPasteOpen'), t('yahooPasteMore'), t('yahooPasteView'), t('yahooPasteCopy')],
});
