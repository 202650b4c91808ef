import { t } from '../i18n.js';
import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Yahoo Mail's "View raw message" opens the source as plain text in a new tab, which Hoplens reads
 * like any page of headers. The API behind it needs tokens from the app's state rather than the
 * session cookie alone, so the message view itself is not read.
 */
export const yahooSource = viewSourceOnlyWebmail({
  id: 'yahoo',
  label: () => t('sourceYahoo'),
  hosts: /^mail\.yahoo\.com$|^[a-z]{2}\.mail\.yahoo\.com$/,
  why: () => t('yahooNoRoute'),
  pasteHelp: () => [t('yahooPasteOpen'), t('yahooPasteMore'), t('yahooPasteView'), t('yahooPasteCopy')],
});
