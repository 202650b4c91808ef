import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';

/**
 * A hostile header must cost about linear work. Parse a 1 MB input and a 128 kB input of the
 * same shape; with linear cost the 1 MB parse takes about 8× as long. The bound (30× the
 * 128 kB time, medians of 5 interleaved runs after a warm-up, so that load on a shared machine
 * hits both sizes alike) leaves room for GC but fails for anything quadratic, which comes out
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
  'semicolons': (n) => repeatTo('; ', n),
  'unterminated angle brackets': (n) => repeatTo('for <', n),
  'date-like words without ";"': (n) => `by a with SMTP id b ${repeatTo('Tue, 4 Jun ', n)}`,
  'many small comments': (n) => `from a ${repeatTo('(x) ', n)} by b`,
};

function timeOf(input: string): number {
  const start = performance.now();
  parseReceived(input);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

describe('parseReceived scales linearly on hostile input', () => {
  it.each(Object.entries(HOSTILE))('%s', (_name, make) => {
    const small = make(SMALL);
    const large = make(LARGE);
    timeOf(small);
    timeOf(large);
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      smallTimes.push(timeOf(small));
      largeTimes.push(timeOf(large));
    }
    const tSmall = median(smallTimes);
    const tLarge = median(largeTimes);
    // A floor keeps timer resolution from turning a tiny small-input time into a huge ratio.
    expect(tLarge / Math.max(tSmall, 0.5)).toBeLessThan(BOUND);
  }, 60_000);
});
