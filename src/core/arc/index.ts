export { verifyArcBytes, MAX_ARC_SETS, type ArcOptions } from './verify.js';
export { verifyArc } from './verify-message.js';
export type * from './types.js';
