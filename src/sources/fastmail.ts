import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Fastmail fetches message blobs over JMAP with a bearer token held by the app, not by the page's
 * cookies alone; Hoplens reads the "Show raw message" view once it is open.
 */
export const fastmailSource = viewSourceOnlyWebmail({
  id: 'fastmail',
  label: 'Fastmail',
  hosts: /^(www|app)\.fastmail\.com$/,
  why: 'Fastmail gives extensions no reliable route to a message\'s source from the message view. Open "Show raw message" and click Hoplens again, or paste the source.',
  pasteHelp: [
    'Open the message in Fastmail.',
    'Click "More" (…) in the toolbar above the message.',
    'Choose "Show raw message"; the source opens in a new tab.',
    'Click Hoplens on that tab, or select all of its text (Ctrl+A), copy it and paste it into Hoplens.',
  ],
});
