import { t } from '../i18n.js';
import { yahooPlatformSource } from './yahoo-platform.js';

/** Yahoo Mail, at mail.yahoo.com and its country hosts (uk.mail.yahoo.com). */
export const yahooSource = yahooPlatformSource({
  id: 'yahoo',
  label: () => t('sourceYahoo'),
  hosts: /^mail\.yahoo\.com$|^[a-z]{2}\.mail\.yahoo\.com$/,
  pasteHelp: () => [t('yahooPasteOpen'), t('yahooPasteMore'), t('yahooPasteView'), t('yahooPasteCopy')],
});
