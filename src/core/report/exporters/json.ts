import { inertJson } from '../../text/inert.js';
import type { Report } from '../types.js';

/**
 * The report exactly as the schema defines it, indented for people who open the file; no
 * control or bidi character appears raw in the text (see inertJson), so `cat` shows it safely.
 */
export function renderJson(report: Report): string {
  return `${inertJson(JSON.stringify(report, null, 2))}\n`;
}
