import { NOT_CHECKED, type Check, type CheckContext, type CheckResult } from './checks/types.js';

/**
 * Runs every check as soon as the checks it reads (`after`) are done, all others at once, and
 * hands each result on the moment it is known. A check that throws is a bug, not a DNS
 * verdict: it becomes a "not-checked" result that says so, and the rest go on.
 */
export async function runChecks(
  checks: readonly Check[],
  base: Omit<CheckContext, 'earlier'>,
  onResult: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  const byName = new Map(checks.map((c) => [c.name, c]));
  assertRunnable(checks, byName);
  const all: CheckResult[] = [];
  const done = new Map<string, Promise<CheckResult[]>>();

  function start(check: Check): Promise<CheckResult[]> {
    const existing = done.get(check.name);
    if (existing) return existing;
    const running = (async () => {
      const deps = check.after ?? [];
      const earlier = (await Promise.all(deps.map((d) => start(byName.get(d)!)))).flat();
      const results: CheckResult[] = [];
      try {
        for await (const result of check.run({ ...base, earlier })) {
          results.push(result);
          all.push(result);
          onResult(result);
        }
      } catch (error) {
        if (base.signal?.aborted) throw error;
        const failure = internalFailure(check.name, error);
        results.push(failure);
        all.push(failure);
        onResult(failure);
      }
      return results;
    })();
    done.set(check.name, running);
    return running;
  }

  await Promise.all(checks.map(start));
  return all;
}

/** Every `after` names a registered check and no check waits on itself, or runChecks would hang. */
function assertRunnable(checks: readonly Check[], byName: Map<string, Check>): void {
  const settled = new Set<string>();
  const visit = (check: Check, path: string[]): void => {
    if (settled.has(check.name)) return;
    if (path.includes(check.name)) throw new Error(`checks wait on each other: ${[...path, check.name].join(' → ')}`);
    for (const dep of check.after ?? []) {
      const target = byName.get(dep);
      if (!target) throw new Error(`check "${check.name}" runs after "${dep}", which is not registered`);
      visit(target, [...path, check.name]);
    }
    settled.add(check.name);
  };
  for (const check of checks) visit(check, []);
}

function internalFailure(check: string, error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    check,
    subject: '-',
    result: NOT_CHECKED,
    severity: 'warning',
    summary: `The ${check} check stopped with an internal error`,
    explanation: `Hoplens could not finish this check: ${message}. This is a fault in Hoplens, not a verdict on your DNS; please report it with the exported JSON.`,
    advice: [],
    hopIndex: null,
    details: { error: message },
    evidence: [],
  };
}
