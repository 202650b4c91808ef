export { parseReceived } from './parse.js';
export { parseReceivedDate } from './date.js';
