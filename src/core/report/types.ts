import type { CheckResult } from '../checks/types.js';
import type { Claims } from '../claims/types.js';
import type { EmbeddedMessageRef, MessageInfo } from '../message/types.js';
import type { DnsUsage } from '../dns/counting.js';
import type { Route } from '../route/types.js';

/** Bumped on any change a consumer of the JSON would notice. */
export const SCHEMA_VERSION = 1;

/** Everything the headers alone say, before any DNS. */
export interface HeaderAnalysis {
  message: MessageInfo;
  route: Route;
  claims: Claims;
  /** Messages attached as message/rfc822 inside the analysed one. */
  embedded: EmbeddedMessageRef[];
  /** Which embedded message this analysis is of; null for the outer message. */
  embeddedIndex: number | null;
  warnings: string[];
}

export interface Report extends HeaderAnalysis {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: 'hoplens'; version: string };
  generatedAt: string;
  dns: DnsUsage;
  checks: CheckResult[];
  /** One line: who sent it and how its DNS fares. */
  summary: string;
}

export type ProgressEvent =
  | { type: 'route'; analysis: HeaderAnalysis }
  | { type: 'check'; result: CheckResult }
  | { type: 'dns'; sent: number; answered: number; pending: number }
  | { type: 'done'; report: Report };
