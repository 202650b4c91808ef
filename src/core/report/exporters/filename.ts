import type { Report } from '../types.js';

const MAX_SLUG = 40;

/** "hoplens-2024-05-01-quarterly-report-draft-2.md": the message's date and subject, then the format. */
export function exportFileName(report: Pick<Report, 'message' | 'generatedAt'>, extension: string): string {
  const day = (report.message.date ?? report.generatedAt).slice(0, 10);
  return `hoplens-${day}-${slug(report.message.subject ?? '')}.${extension}`;
}

function slug(subject: string): string {
  const s = subject
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return s || 'no-subject';
}
