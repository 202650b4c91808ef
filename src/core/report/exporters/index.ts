import type { Report } from '../types.js';
import { renderChecklistCsv } from './checklist-csv.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export interface Exporter {
  id: string;
  /** The format's name as a user knows it. */
  label: string;
  extension: string;
  mime: string;
  render(report: Report): string;
}

/** Every download format; a new format is one module and one line here. */
export const EXPORTERS: readonly Exporter[] = [
  { id: 'json', label: 'JSON', extension: 'json', mime: 'application/json', render: renderJson },
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown', render: renderMarkdown },
  { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv', render: renderCsv },
  { id: 'checklist-csv', label: 'Checklist CSV', extension: 'checklist.csv', mime: 'text/csv', render: renderChecklistCsv },
  { id: 'html', label: 'HTML', extension: 'html', mime: 'text/html', render: renderHtml },
];

export { exportFileName } from './filename.js';
export { renderSummaryText } from './summary-text.js';
