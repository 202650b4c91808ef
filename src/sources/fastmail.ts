import { t } from '../i18n.js';
import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Fastmail fetches message blobs over JMAP with a bearer token held by the app, not by the page's
 * cookies alone; Hoplens reads the "Show raw message" view once it is open.
 */
export const fastmailSource = viewSourceOnlyWebmail({
  id: 'fastmail',
  label: () => t('sourceFastmail'),
  hosts: /^(www|app)\.fastmail\.com$/,
  why: () => t('fastmailNoRoute'),
  pasteHelp: () => [t('fastmailPasteOpen'), t('fastmailPasteMore'), t('fastmailPasteView'), t('fastmailPasteCopy')],
});
