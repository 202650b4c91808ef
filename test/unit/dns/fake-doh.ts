import { RECURSION_DESIRED, decode, encode, type Answer, type Packet } from '@dnsquery/dns-packet';
import { toRcode } from '@dnsquery/dns-packet/rcodes.js';

/** One request a fake DoH server received, with the DNS query decoded. */
export interface FakeCall {
  url: string;
  method: string;
  headers: Headers;
  query: Packet;
  signal: AbortSignal | undefined;
}

export interface ReplySpec {
  rcode?: string;
  answers?: Answer[];
  authorities?: Answer[];
  additionals?: Answer[];
  /** Extra header flag bits (AD, TC, …). */
  flags?: number;
  id?: number;
  questions?: Packet['questions'];
  type?: 'query' | 'response';
}

/** The wire bytes of a response to `query`, echoing its id and question unless told otherwise. */
export function reply(query: Packet, spec: ReplySpec = {}): Uint8Array {
  return encode({
    type: spec.type ?? 'response',
    id: spec.id ?? query.id ?? 0,
    flags: RECURSION_DESIRED | toRcode(spec.rcode ?? 'NOERROR') | (spec.flags ?? 0),
    questions: spec.questions ?? query.questions,
    answers: spec.answers ?? [],
    authorities: spec.authorities ?? [],
    additionals: spec.additionals ?? [],
  });
}

export function dnsMessage(bytes: Uint8Array, status = 200): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status, headers: { 'content-type': 'application/dns-message' } });
}

export type FakeFetch = typeof fetch & { calls: FakeCall[] };

/** A fetch that decodes each DoH request (GET ?dns= or POST body) and lets `handler` answer it. */
export function fakeFetch(handler: (call: FakeCall) => Response | Promise<Response>): FakeFetch {
  const calls: FakeCall[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const bytes =
      method === 'POST' ? new Uint8Array(init.body as Uint8Array) : new Uint8Array(Buffer.from(new URL(url).searchParams.get('dns') ?? '', 'base64url'));
    const call: FakeCall = { url, method, headers: new Headers(init.headers), query: decode(bytes), signal: init.signal ?? undefined };
    calls.push(call);
    return handler(call);
  };
  return Object.assign(fn, { calls }) as FakeFetch;
}

/** A response that never comes: rejects with the signal's reason when the request is aborted. */
export function never(call: FakeCall): Promise<Response> {
  return new Promise((_, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal?.reason ?? new Error('aborted')), { once: true });
  });
}

/**
 * Appends EDNS options to a message whose last record is an OPT without options. Built by hand
 * because the codec writes zeros for the data of options it does not know.
 */
export function withOptions(message: Uint8Array, options: { code: number; data: Uint8Array }[]): Uint8Array {
  const rdata = options.flatMap((o) => [o.code >> 8, o.code & 0xff, o.data.length >> 8, o.data.length & 0xff, ...o.data]);
  const out = new Uint8Array([...message, ...rdata]);
  out[message.length - 2] = rdata.length >> 8;
  out[message.length - 1] = rdata.length & 0xff;
  return out;
}

export function emptyOpt(extendedRcode = 0): Answer {
  return { type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode, flags: 0, options: [] } as unknown as Answer;
}

/** An Extended DNS Error option (RFC 8914): info code then UTF-8 extra text. */
export function ede(code: number, text = ''): { code: number; data: Uint8Array } {
  return { code: 15, data: new Uint8Array([code >> 8, code & 0xff, ...new TextEncoder().encode(text)]) };
}
