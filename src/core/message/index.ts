export { readMessage } from './read.js';
export type { ReadOptions, ReadResult } from './read.js';
export { assertInputSize, MAX_INPUT_SIZE } from './limits.js';
