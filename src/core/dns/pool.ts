/**
 * At most `size` tasks at once, the rest waiting in arrival order: what stub resolvers and
 * browsers do per server, so that a message listing thousands of hops cannot open thousands
 * of connections (and run out of file descriptors) at the same time. A waiting task whose
 * signal fires leaves the queue without ever running.
 */
export interface Pool {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  active(): number;
  /** Tasks waiting for a slot. */
  waiting(): number;
}

interface Waiter {
  go: () => void;
  cancelled: boolean;
}

export function pool(size: number): Pool {
  if (!(size >= 1)) throw new RangeError(`a pool needs at least one slot, not ${size}`);
  let active = 0;
  let waiting = 0;
  // A queue with a moving head: shifting a long array would make a long queue quadratic.
  let queue: Waiter[] = [];
  let head = 0;

  function release(): void {
    active--;
    while (head < queue.length) {
      const next = queue[head++]!;
      if (next.cancelled) continue;
      waiting--;
      next.go();
      break;
    }
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
  }

  function start<T>(task: () => Promise<T>): Promise<T> {
    active++;
    let running: Promise<T>;
    try {
      running = task();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.finally(release);
  }

  return {
    active: () => active,
    waiting: () => waiting,
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < size) return start(task);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          cancelled: false,
          go: () => {
            signal?.removeEventListener('abort', onAbort);
            start(task).then(resolve, reject);
          },
        };
        const onAbort = () => {
          waiter.cancelled = true;
          waiting--;
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting++;
        queue.push(waiter);
      });
    },
  };
}
