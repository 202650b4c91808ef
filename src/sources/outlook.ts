import { t } from '../i18n.js';
import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Outlook on the web loads a message's MIME source through its own service API with tokens the
 * page keeps to itself; no documented route serves it to the page's session, so Hoplens reads the
 * "View message source" dialog once it is open.
 */
export const outlookSource = viewSourceOnlyWebmail({
  id: 'outlook',
  label: () => t('sourceOutlook'),
  hosts: /^(outlook\.(live|office|office365)\.com|outlook\.cloud\.microsoft)$/,
  why: () => t('outlookNoRoute'),
  pasteHelp: () => [t('outlookPasteOpen'), t('outlookPasteMore'), t('outlookPasteView'), t('outlookPasteCopy')],
});
