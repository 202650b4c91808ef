import { viewSourceOnlyWebmail } from './webmail-fallback.js';

/**
 * Yahoo Mail's "View raw message" opens the source as plain text in a new tab, which Hoplens reads
 * like any page of headers. The API behind it needs tokens from the app's state rather than the
 * session cookie alone, so the message view itself is not read.
 */
export const yahooSource = viewSourceOnlyWebmail({
  id: 'yahoo',
  label: 'Yahoo Mail',
  hosts: /^mail\.yahoo\.com$|^[a-z]{2}\.mail\.yahoo\.com$/,
  why: 'Yahoo Mail gives extensions no reliable route to a message\'s source from the message view. Open "View raw message" (it opens in a new tab) and click Hoplens on that tab, or paste the source.',
  pasteHelp: [
    'Open the message in Yahoo Mail.',
    'Click the "…" (More) button in the toolbar above the message.',
    'Choose "View raw message"; the source opens in a new tab.',
    'Click Hoplens on that tab, or select all of its text (Ctrl+A), copy it and paste it into Hoplens.',
  ],
});
