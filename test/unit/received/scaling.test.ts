import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import { costRatio } from '../../support/scaling.js';

/**
 * A hostile header must cost about linear work. Parse a 1 MB input and a 128 kB input of the
 * same shape; with linear cost the 1 MB parse takes about 8× as long. The bound (30× the
 * 128 kB time, see costRatio) leaves room for GC but fails for anything quadratic, which comes out
 * near 64×.
 */
const SMALL = 128 * 1024;
const LARGE = 1024 * 1024;
const BOUND = 30;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const HOSTILE: Record<string, (size: number) => string> = {
  'open parentheses': (n) => `from a ${'('.repeat(n)}`,
  'nested balanced comments': (n) => `from a ${'('.repeat(n / 2)}${')'.repeat(n / 2)} by b; Tue, 4 Jun 2024 09:38:03 +0000`,
  'repeated from': (n) => repeatTo('from ', n),
  'repeated keywords and comments': (n) => repeatTo('from a (b [1.2.3.4]) by c with d id e for <f@g> ', n),
  'quoted pairs in a comment': (n) => `from a (${repeatTo('\\(', n)}) by b`,
  'quoted pairs in a quoted string': (n) => `from "${repeatTo('\\"', n)}" by b`,
  'one long word': (n) => `from ${'a'.repeat(n)} (${'b'.repeat(n / 4)} [1.2.3.4]) by c`,
  semicolons: (n) => repeatTo('; ', n),
  'unterminated angle brackets': (n) => repeatTo('for <', n),
  'date-like words without ";"': (n) => `by a with SMTP id b ${repeatTo('Tue, 4 Jun ', n)}`,
  'many small comments': (n) => `from a ${repeatTo('(x) ', n)} by b`,
  'many comments nested in one': (n) => `from a (${repeatTo('(x)', n)}) by b`,
};

describe('parseReceived scales linearly on hostile input', () => {
  it.each(Object.entries(HOSTILE))(
    '%s',
    async (_name, make) => {
      expect(await costRatio(parseReceived, make(SMALL), make(LARGE))).toBeLessThan(BOUND);
    },
    60_000,
  );
});
