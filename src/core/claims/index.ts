export { parseClaims } from './parse.js';
export { parseAuthResults } from './auth-results.js';
export { parseReceivedSpf } from './received-spf.js';
