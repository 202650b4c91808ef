import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode, type Packet } from '@dnsquery/dns-packet';

/** One request the server got, its DNS query decoded (null when it carried none). */
export interface HostileRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  query: Packet | null;
}

export interface HostileDoh {
  /** http://127.0.0.1:PORT/dns-query */
  url: string;
  origin: string;
  requests: HostileRequest[];
  /** Requests whose response has not ended yet. */
  open(): number;
  /** The most requests that were open at once. */
  mostOpen(): number;
  close(): Promise<void>;
}

type Handler = (request: HostileRequest, res: ServerResponse) => void | Promise<void>;

/**
 * A DoH server on 127.0.0.1 that misbehaves on purpose, for what BIND and dnsdist cannot be
 * made to do: redirect, stream without end, append junk, rate-limit. `handler` writes each
 * response; the server decodes the query (GET ?dns= or POST body) first.
 */
export async function startHostileDoh(handler: Handler): Promise<HostileDoh> {
  const requests: HostileRequest[] = [];
  let open = 0;
  let mostOpen = 0;
  const server = createServer(async (req, res) => {
    open++;
    mostOpen = Math.max(mostOpen, open);
    res.once('close', () => open--);
    const body = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const dns = req.method === 'POST' ? body : Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
    let query: Packet | null = null;
    try {
      query = dns.length > 0 ? decode(dns) : null;
    } catch {
      query = null;
    }
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, query };
    requests.push(request);
    try {
      await handler(request, res);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/dns-query`,
    origin,
    requests,
    open: () => open,
    mostOpen: () => mostOpen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const DNS_MESSAGE_HEADERS = { 'content-type': 'application/dns-message' } as const;
