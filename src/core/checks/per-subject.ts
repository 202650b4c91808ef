import { inCompletionOrder } from '../completion-order.js';

/**
 * The run of a check made once per subject (each sender hop, each domain): with no subject, the
 * one result that says why nothing was checked; else every subject's result as it completes, so
 * the fastest lookups reach the view first.
 */
export async function* perSubject<S, R>(subjects: readonly S[], none: () => R, check: (subject: S) => Promise<R>): AsyncGenerator<R> {
  if (subjects.length === 0) {
    yield none();
    return;
  }
  yield* inCompletionOrder(subjects.map(check));
}
