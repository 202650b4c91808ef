import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pool } from '../../../src/core/dns/pool.js';

describe('pool', () => {
  it('runs at most `size` tasks at once, in arrival order; a task cancelled while waiting never runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.record({ cancel: fc.boolean(), fail: fc.boolean() }), { maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
        async (size, specs, picks) => {
          const p = pool(size);
          const release = new Map<number, () => void>();
          const started: number[] = [];
          let most = 0;
          const outcomes = specs.map((spec, i) => {
            const controller = new AbortController();
            const outcome = p
              .run(async () => {
                started.push(i);
                most = Math.max(most, p.active());
                await new Promise<void>((resolve) => release.set(i, resolve));
                if (spec.fail) throw new Error(`task ${i} failed`);
                return i;
              }, controller.signal)
              .then(
                (value) => ({ value }),
                (error: unknown) => ({ error }),
              );
            return { controller, outcome };
          });
          specs.forEach((spec, i) => {
            if (spec.cancel) outcomes[i]!.controller.abort(new Error('cancelled'));
          });
          // Finish the running tasks in an arbitrary order until none is left.
          for (let step = 0; release.size > 0; step++) {
            const running = [...release.keys()];
            const pick = running[picks[step % picks.length]! % running.length]!;
            release.get(pick)!();
            release.delete(pick);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          const results = await Promise.all(outcomes.map((o) => o.outcome));
          expect(most).toBeLessThanOrEqual(size);
          expect(p.active()).toBe(0);
          expect(p.waiting()).toBe(0);
          // The first `size` were running before anything was cancelled; of the rest, the cancelled never ran.
          expect(started).toEqual(specs.map((_, i) => i).filter((i) => i < size || !specs[i]!.cancel));
          results.forEach((result, i) => {
            const spec = specs[i]!;
            if (i >= size && spec.cancel) expect(result).toEqual({ error: new Error('cancelled') });
            else if (spec.fail) expect(result).toEqual({ error: new Error(`task ${i} failed`) });
            else expect(result).toEqual({ value: i });
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
