import type { Claims } from './claims/types.js';
import type { EmbeddedMessageRef, MessageInfo } from './message/types.js';
import type { Route } from './route/types.js';
import type { Warning } from './text/warning.js';

// Made by analyze-headers.ts; in a file of its own so that the pages, which render it, reach
// no mailparser code through a type (the popup and report bundles never import mailparser).

/** Everything the headers alone say, before any DNS. */
export interface HeaderAnalysis {
  message: MessageInfo;
  route: Route;
  claims: Claims;
  /** Messages attached as message/rfc822 inside the analysed one. */
  embedded: EmbeddedMessageRef[];
  /** Which embedded message this analysis is of; null for the outer message. */
  embeddedIndex: number | null;
  warnings: Warning[];
}
