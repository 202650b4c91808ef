/** Yields the tasks' values as each settles, fastest first, so results stream to the view. */
export async function* inCompletionOrder<T>(tasks: readonly Promise<T>[]): AsyncGenerator<T> {
  const pending = new Map<number, Promise<{ index: number; value: T }>>();
  for (const [index, task] of tasks.entries())
    pending.set(
      index,
      task.then((value) => ({ index, value })),
    );
  while (pending.size > 0) {
    const { index, value } = await Promise.race(pending.values());
    pending.delete(index);
    yield value;
  }
}
