import type { CheckResult, RegisteredCheck } from './checks/index.js';
import { notChecked } from './checks/not-checked.js';
import type { AnyCheck, CheckContext, NotRun, StartContext } from './checks/types.js';

/**
 * Runs every check as soon as the checks it reads (`after`) are done, all others at once, and
 * hands each result on the moment it is known. A check that throws is a bug, not a DNS
 * verdict: it becomes a "not-checked" result that says so, and the rest go on.
 */
export async function runChecks(
  checks: readonly RegisteredCheck[],
  base: Omit<CheckContext, 'earlier'>,
  onResult: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  assertRunnable(checks);
  const all: CheckResult[] = [];
  const done = new Map<AnyCheck, Promise<CheckResult[]>>();

  function start(check: RegisteredCheck): Promise<CheckResult[]> {
    const existing = done.get(check);
    if (existing) return existing;
    const running = (async () => {
      // Before waiting for `after`: the point of `early` is that it does not wait.
      let early: unknown;
      let earlyError: unknown = null;
      try {
        early = (check.early as ((ctx: StartContext) => unknown) | undefined)?.(base);
      } catch (error) {
        earlyError = error;
      }
      const earlier = (await Promise.all(check.after.map(start))).flat();
      const results: CheckResult[] = [];
      const keep = (result: CheckResult) => {
        results.push(result);
        all.push(result);
        onResult(result);
      };
      try {
        if (earlyError !== null) throw earlyError;
        // `earlier` holds exactly the results of the checks in this check's `after`, which is
        // what its own CheckContext type says; over the union of checks TS cannot follow that.
        for await (const result of check.run({ ...base, earlier, early } as never)) keep(result);
      } catch (error) {
        if (base.signal?.aborted) throw error;
        keep(internalFailure(check.name, error));
      }
      return results;
    })();
    done.set(check, running);
    return running;
  }

  await Promise.all(checks.map(start));
  return all;
}

/** Every `after` is in the list and no check waits on itself, or runChecks would hang. */
function assertRunnable(checks: readonly AnyCheck[]): void {
  const settled = new Set<AnyCheck>();
  const visit = (check: AnyCheck, path: string[]): void => {
    if (settled.has(check)) return;
    if (path.includes(check.name)) throw new Error(`checks wait on each other: ${[...path, check.name].join(' → ')}`);
    for (const dep of check.after) {
      if (!checks.includes(dep)) throw new Error(`check "${check.name}" runs after "${dep.name}", which is not registered`);
      visit(dep, [...path, check.name]);
    }
    settled.add(check);
  };
  for (const check of checks) visit(check, []);
}

function internalFailure<Name extends string>(check: Name, error: unknown): NotRun<Name> {
  const message = error instanceof Error ? error.message : String(error);
  return notChecked(check, {
    subject: '-',
    severity: 'warning',
    summary: `The ${check} check stopped with an internal error`,
    explanation: `Hoplens could not finish this check: ${message}. This is a fault in Hoplens, not a verdict on your DNS; please report it with the exported JSON.`,
    hopIndex: null,
    details: { error: message },
  });
}
