export { parseReceived } from './parse.js';
export { parseReceivedDate } from '../message/date.js';
