import { capText } from '../../text/cap.js';
import { inertParts } from '../../text/inert.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Longer than any DNS label (RFC 1035 §2.3.4): such a run may break anywhere, or it widens its column. */
const LONG_RUN = /(\S{64,})/;

/**
 * A value from the message or DNS as element content: escaped, its control and bidi characters
 * shown as markers (class "ctl", so they read apart from the text), and the whole in its own
 * <bdi> so that its direction never reorders the text beside it (HTML §4.5.24). A host name may
 * wrap after its dots only; a run longer than any DNS label may wrap anywhere; a value too long
 * for the page shows its start, and the rest behind a "Show all" disclosure (no script needed).
 */
export function inertHtml(text: string, host = false): string {
  const cut = capText(text);
  if (!cut) return bdi(text, host);
  return `${bdi(cut.head, host)}…<details class="all"><summary>Show all (${cut.total} characters)</summary>${bdi(text, host)}</details>`;
}

/** Hoplens' own sentence that may quote such values (the summary line): inert, never cut. */
export function inertHtmlWhole(text: string): string {
  return bdi(text, false);
}

function bdi(text: string, host: boolean): string {
  const inner = inertParts(text)
    .map((p) => (p.marker ? `<span class="ctl" title="${escapeHtml(p.name)}">${escapeHtml(p.text)}</span>` : runs(p.text, host)))
    .join('');
  return `<bdi>${inner}</bdi>`;
}

function runs(text: string, host: boolean): string {
  return text
    .split(LONG_RUN)
    .map((run, i) => (i % 2 ? `<span class="long-run">${escapeHtml(run)}</span>` : host ? escapeHtml(run).replace(/\./g, '.<wbr>') : escapeHtml(run)))
    .join('');
}
