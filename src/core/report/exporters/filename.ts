import type { Report } from '../types.js';

const MAX_SLUG = 40;

/** "hoplens-2024-05-01-quarterly-report-draft-2.md": the message's date and subject, then the format. */
export function exportFileName(report: Pick<Report, 'message' | 'generatedAt'>, extension: string): string {
  const day = (report.message.date ?? report.generatedAt).slice(0, 10);
  return `hoplens-${day}-${slug(report.message.subject ?? '')}.${extension}`;
}

/**
 * Letters and digits of any script, everything else one "-": no path separator, control or
 * reserved character survives, and "データ" stays "データ" rather than becoming "no-subject".
 * Accents are folded on Latin letters only ("Ré" → "re"); in other scripts the marks are part of
 * the letter ("й", "デ"). Cut by code points so that no surrogate pair is split.
 */
function slug(subject: string): string {
  const words = subject
    .normalize('NFKD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+/, '');
  const s = Array.from(words).slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return s || 'no-subject';
}
