// The only globals src/core may use: web APIs that browsers, their workers and Node all have.
// `npm run typecheck` compiles src/core against this file alone (tsconfig.core.json: no DOM lib,
// no @types/node), so a core module that reaches for `document`, `window`, `browser.*`, `Buffer`
// or `process` does not compile. Add a member here only if every one of those runtimes has it.

interface EventListenerLike {
  (event: unknown): void;
}

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: EventListenerLike, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: EventListenerLike): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: unknown): AbortSignal;
  timeout(ms: number): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

interface TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface URLSearchParams {
  get(name: string): string | null;
  set(name: string, value: string): void;
  has(name: string): boolean;
  toString(): string;
}

interface URL {
  href: string;
  readonly origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  readonly searchParams: URLSearchParams;
  hash: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL; canParse(url: string | URL, base?: string | URL): boolean };

interface Headers {
  get(name: string): string | null;
  has(name: string): boolean;
}

type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };
interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
interface ReadableStream<R = Uint8Array<ArrayBuffer>> {
  cancel(reason?: unknown): Promise<void>;
  getReader(): ReadableStreamDefaultReader<R>;
}

interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly redirected: boolean;
  readonly type: string;
  readonly url: string;
  readonly body: ReadableStream | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

type RequestInfo = string;
interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string;
  signal?: AbortSignal;
  credentials?: 'omit' | 'same-origin' | 'include';
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
  redirect?: 'follow' | 'error' | 'manual';
}
declare function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;

declare var performance: { now(): number };
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function btoa(data: string): string;
declare function atob(data: string): string;

// WebCrypto, for DKIM (RFC 6376 §3.3: rsa-sha256; RFC 8463: ed25519-sha256).
type BufferSourceLike = ArrayBuffer | ArrayBufferView<ArrayBuffer>;
type AlgorithmLike = string | { name: string; [key: string]: unknown };
interface CryptoKey {
  readonly type: string;
  readonly algorithm: { name: string; [key: string]: unknown };
  readonly usages: string[];
}
interface SubtleCrypto {
  digest(algorithm: AlgorithmLike, data: BufferSourceLike): Promise<ArrayBuffer>;
  importKey(format: 'spki' | 'raw' | 'pkcs8', keyData: BufferSourceLike, algorithm: AlgorithmLike, extractable: boolean, usages: string[]): Promise<CryptoKey>;
  verify(algorithm: AlgorithmLike, key: CryptoKey, signature: BufferSourceLike, data: BufferSourceLike): Promise<boolean>;
}
declare var crypto: { readonly subtle: SubtleCrypto; getRandomValues<T extends ArrayBufferView>(array: T): T };
