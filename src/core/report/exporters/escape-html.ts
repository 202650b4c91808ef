import { inertParts } from '../../text/inert.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A value from the message or DNS as element content: escaped, its control and bidi characters
 * shown as markers (class "ctl", so they read apart from the text), and the whole in its own
 * <bdi> so that its direction never reorders the text beside it (HTML §4.5.24).
 */
export function inertHtml(text: string): string {
  const inner = inertParts(text)
    .map((p) => (p.marker ? `<span class="ctl" title="${escapeHtml(p.name)}">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
  return `<bdi>${inner}</bdi>`;
}
