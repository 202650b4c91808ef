import { performance } from 'node:perf_hooks';
import type { ReceivedFields } from '../../src/core/received/types.js';
import { scoreReceived } from './received-accuracy.js';
import { fmt, summarise } from './stats.js';

type Parse = (value: string) => ReceivedFields;

/** Headers per second for one short burst over the corpus. */
function burst(parse: Parse, corpus: readonly string[], ms: number): number {
  const start = performance.now();
  let parsed = 0;
  while (performance.now() - start < ms) {
    for (const line of corpus) parse(line);
    parsed += corpus.length;
  }
  return parsed / ((performance.now() - start) / 1000);
}

/**
 * The parser of another revision against this one, in this process: short bursts of each in
 * turn, so that load from other processes hits both alike, and the median of the per-pair
 * ratios. Also checks that both read the dialect table and the long-tail corpus alike field by
 * field, since speed bought with a lost field is no gain.
 */
export function compareParsers(label: string, before: Parse, after: Parse, corpus: readonly string[]): void {
  for (let i = 0; i < 5; i++) {
    burst(before, corpus, 50);
    burst(after, corpus, 50);
  }
  const ratios: number[] = [];
  const rates = { before: [] as number[], after: [] as number[] };
  for (let pair = 0; pair < 41; pair++) {
    // Alternate which goes first, so that neither always runs in the other's garbage collection.
    let old: number;
    let now: number;
    if (pair % 2 === 0) {
      old = burst(before, corpus, 60);
      now = burst(after, corpus, 60);
    } else {
      now = burst(after, corpus, 60);
      old = burst(before, corpus, 60);
    }
    rates.before.push(old);
    rates.after.push(now);
    ratios.push(now / old);
  }
  const median = (xs: number[]) => summarise(xs).median;
  console.log(`Received parser, ${label} → this tree (${corpus.length}-header corpus, 41 interleaved pairs of 60 ms bursts):`);
  console.log(`  before: median ${fmt(median(rates.before), 0)} headers/s; after: median ${fmt(median(rates.after), 0)} headers/s`);
  console.log(`  speed ratio (median of per-pair ratios): ${fmt(median(ratios))}×`);
  const scoreBefore = scoreReceived(before);
  const scoreAfter = scoreReceived(after);
  const lost = scoreAfter.filter((s, i) => s.correct < scoreBefore[i]!.correct).map((s) => s.field);
  console.log(
    `  accuracy over ${scoreAfter[0]!.total} cases: ${lost.length === 0 ? 'no field lost' : `fewer correct in ${lost.join(', ')}`}; all fields exact ${scoreBefore.at(-1)!.correct} → ${scoreAfter.at(-1)!.correct}`,
  );
}
