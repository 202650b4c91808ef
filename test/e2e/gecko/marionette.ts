import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Marionette, the remote protocol Firefox and Thunderbird speak natively:
 * each frame is `<byte length>:<JSON>`, a command `[0, id, name, params]`, a reply
 * `[1, id, error, result]`; the server greets first. Only the wire format lives here; what the
 * tests do with it is in ./client.ts.
 */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; name: string }>();
  private greeted!: Promise<void>;
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {}

  static async connect(port: number): Promise<Marionette> {
    const socket = connect({ host: '127.0.0.1', port });
    const client = new Marionette(socket);
    client.greeted = new Promise((resolve, reject) => {
      client.onGreeting = resolve;
      socket.once('error', reject);
    });
    socket.on('data', (chunk) => client.receive(chunk));
    socket.on('close', () => client.fail(new Error('Marionette connection closed')));
    socket.on('error', (error) => client.fail(error));
    await client.greeted;
    return client;
  }

  private onGreeting: () => void = () => {};

  private fail(error: Error): void {
    this.closedError ??= error;
    for (const { reject, name } of this.pending.values()) reject(new Error(`${name}: ${error.message}`));
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const frame = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(frame)) {
        this.onGreeting();
        continue;
      }
      const [, id, error, result] = frame as [1, number, { error: string; message: string } | null, unknown];
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (!waiter) continue;
      if (error) waiter.reject(new Error(`${waiter.name}: ${error.error}: ${error.message}`));
      else waiter.resolve(result);
    }
  }

  send<T = unknown>(name: string, params: object = {}): Promise<T> {
    if (this.closedError) return Promise.reject(new Error(`${name}: ${this.closedError.message}`));
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, name });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
    });
  }

  /** A script's value: `body` is a function body (arguments in `arguments`); return a promise for async work. */
  async execute<T>(body: string, args: unknown[] = []): Promise<T> {
    const reply = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args });
    return reply.value;
  }

  async setContext(value: 'chrome' | 'content'): Promise<void> {
    await this.send('Marionette:SetContext', { value });
  }

  close(): void {
    this.socket.destroy();
  }
}
