export { verifyDkimBytes, MAX_SIGNATURES, type DkimOptions } from './verify.js';
export type * from './types.js';
