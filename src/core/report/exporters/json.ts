import type { Report } from '../types.js';

/** The report exactly as the schema defines it, indented for people who open the file. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
