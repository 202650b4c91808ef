/**
 * How much longer `work` takes on `large` than on `small`: the fastest of several interleaved
 * runs of each, after a warm-up. Load from other processes only ever adds time, so the fastest
 * run is the best estimate of the work itself; interleaving makes a slow spell hit both sizes.
 * Tests compare this ratio with the size ratio; they never assert a time.
 */
export async function costRatio(work: (input: string) => unknown, small: string, large: string, runs = 5): Promise<number> {
  const timeOf = async (input: string) => {
    const start = performance.now();
    await work(input);
    return performance.now() - start;
  };
  await timeOf(small);
  await timeOf(large);
  let fastestSmall = Infinity;
  let fastestLarge = Infinity;
  for (let run = 0; run < runs; run++) {
    fastestSmall = Math.min(fastestSmall, await timeOf(small));
    fastestLarge = Math.min(fastestLarge, await timeOf(large));
  }
  // A floor keeps timer resolution from turning a tiny small-input time into a huge ratio.
  return fastestLarge / Math.max(fastestSmall, 0.5);
}
