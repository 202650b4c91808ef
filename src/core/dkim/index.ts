export { verifyDkimBytes, MAX_SIGNATURES, type DkimOptions } from './verify.js';
export { verifyDkim, type VerifyDkimOptions } from './verify-message.js';
export type * from './types.js';
