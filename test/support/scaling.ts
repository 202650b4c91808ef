/**
 * How much longer one call of `work` takes on `large` than on `small`: the least time per call of
 * each over several rounds of samples taken back to back, after a warm-up. Tests compare this
 * ratio with the size ratio; they never assert a time.
 *
 * Made to hold on a loaded 2-core machine, where the clock ratio of a 1 ms and a 30 ms call came
 * out past its bound: a long call is preempted by other processes, a short one mostly is not.
 * - Time is this process's CPU time (process.cpuUsage), which other processes do not add to.
 *   vitest runs each test file in a process of its own (the default "forks" pool).
 * - The small input is called as many times as it takes for its sample to last as long as the
 *   large input's, so both samples meet the same machine (caches, collector, frequency).
 * - Each round's two samples are taken one after the other, in alternating order; the least of
 *   each leaves out what a collection or a cache flush added to a sample (noise only adds; a
 *   median of per-round ratios still spread from 9 to 38 for the DKIM 1 MB field).
 */
export async function costRatio(work: (input: string) => unknown, small: string, large: string, rounds = 5): Promise<number> {
  // A warm-up first: a first call, still unoptimised, would size the samples wrong.
  await work(small);
  await work(large);
  const largeReps = await repetitions(work, large, MIN_SAMPLE_MS);
  const largeSample = (await cpuPerCall(work, large, largeReps)) * largeReps;
  const smallReps = await repetitions(work, small, largeSample);
  let leastSmall = Infinity;
  let leastLarge = Infinity;
  for (let round = 0; round < rounds; round++) {
    const smallFirst = round % 2 === 0;
    if (smallFirst) leastSmall = Math.min(leastSmall, await cpuPerCall(work, small, smallReps));
    leastLarge = Math.min(leastLarge, await cpuPerCall(work, large, largeReps));
    if (!smallFirst) leastSmall = Math.min(leastSmall, await cpuPerCall(work, small, smallReps));
  }
  return leastLarge / leastSmall;
}

/** Long enough for the CPU clock's resolution and a scheduler tick not to matter. */
const MIN_SAMPLE_MS = 20;
const MAX_REPETITIONS = 1 << 16;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function cpuPerCall(work: (input: string) => unknown, input: string, reps: number): Promise<number> {
  const start = cpuMs();
  for (let i = 0; i < reps; i++) await work(input);
  // A floor of one microsecond: a ratio, never a division by zero.
  return Math.max(cpuMs() - start, 0.001) / reps;
}

/** How many calls on `input` make a sample of at least `targetMs` of CPU time. */
async function repetitions(work: (input: string) => unknown, input: string, targetMs: number): Promise<number> {
  let reps = 1;
  for (let tries = 0; tries < 20 && reps < MAX_REPETITIONS; tries++) {
    const spent = (await cpuPerCall(work, input, reps)) * reps;
    if (spent >= targetMs) break;
    // Scaled up by what the last sample lacked, with a margin; at most 16 times at once.
    reps = Math.min(MAX_REPETITIONS, Math.ceil(reps * Math.min(16, (1.1 * targetMs) / spent)));
  }
  return reps;
}
