import type { HeaderAnalysis } from '../header-analysis.js';
import type { CheckResult } from '../checks/index.js';
import type { CheckMetaByName } from '../checks/meta.js';
import type { DnsCounters, DnsUsage } from '../dns/counting.js';

/** Bumped on any change a consumer of the JSON would notice. */
export const SCHEMA_VERSION = 5;

export interface Report extends HeaderAnalysis {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: 'hoplens'; version: string };
  generatedAt: string;
  dns: DnsUsage;
  checks: CheckResult[];
  /** Label, summary rank, section and locale keys of each check that ran, so views need no check code. */
  checkMeta: CheckMetaByName;
  /** One line: who sent it and how its DNS fares. */
  summary: string;
}

export type ProgressEvent =
  | { type: 'route'; analysis: HeaderAnalysis; checkMeta: CheckMetaByName }
  | { type: 'check'; result: CheckResult }
  | ({ type: 'dns' } & DnsCounters)
  | { type: 'done'; report: Report };
