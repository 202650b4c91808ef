import type { SpfProblem } from './types.js';

/**
 * Ends the whole evaluation: §4.6.4 limits, syntax errors and DNS failures make check_host()
 * return permerror or temperror at once, and include passes both up unchanged (§5.2).
 */
export class SpfStop extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly problem: SpfProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SpfStop';
  }
}
