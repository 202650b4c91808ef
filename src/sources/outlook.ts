import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Outlook on the web loads a message's MIME source through its own service API with tokens the
 * page keeps to itself; no documented route serves it to the page's session, so Hoplens reads the
 * "View message source" dialog once it is open.
 */
export const outlookSource = viewSourceOnlyWebmail({
  id: 'outlook',
  label: 'Outlook on the web',
  hosts: /^(outlook\.(live|office|office365)\.com|outlook\.cloud\.microsoft)$/,
  why: 'Outlook on the web offers no route to a message\'s source that an extension can use reliably. Open its "View message source" window and click Hoplens again, or paste the source.',
  pasteHelp: [
    'Open the message in Outlook on the web.',
    'Click the "…" (More actions) button at the top right of the message.',
    'Choose View → View message source.',
    'Click Hoplens again while that window is open, or select all of its text (Ctrl+A), copy it and paste it into Hoplens.',
  ],
});
