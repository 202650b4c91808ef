/**
 * setImmediate for mailparser and mailsplit, which defer work with it: a macrotask like Node's,
 * through one MessageChannel (available in pages and service workers, and not clamped like a
 * nested setTimeout).
 */
const queue: Array<() => void> = [];
let channel: MessageChannel | null = null;

export function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(() => callback(...args));
  channel.port2.postMessage(null);
}
