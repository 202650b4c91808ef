// The SPF module's public surface.
export { checkSpf } from './check-spf.js';
export { spfCheck } from './check.js';
export type { SpfEvaluation, SpfIdentity, SpfInput, SpfOptions, SpfProblem, SpfResult, SpfTraceEntry } from './types.js';
