import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `body`: the request's body, read whole (the sites under test take small POSTs). */
export type Responder = (
  url: string,
  request: IncomingMessage,
  body: string,
) => { status: number; contentType: string; body: string; headers?: Record<string, string> };

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const stop = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

function handler(base: (request: IncomingMessage) => string, respond: Responder) {
  return async (request: IncomingMessage, response: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { status, contentType, body, headers } = respond(new URL(request.url ?? '/', base(request)).href, request, Buffer.concat(chunks).toString('utf8'));
    response.writeHead(status, { ...headers, 'content-type': contentType });
    response.end(body);
  };
}

/** A plain HTTP page server on loopback; pages are reached as http://localhost:<port>/… */
export async function startPageServer(respond: Responder): Promise<{ origin: string; stop(): Promise<void> }> {
  let origin = '';
  const server = createHttpServer((req, res) => handler(() => origin, respond)(req, res));
  origin = `http://localhost:${await listen(server)}`;
  return { origin, stop: () => stop(server) };
}

/**
 * HTTPS sites under real names (Firefox cannot be told to route one host elsewhere except
 * through a proxy): an HTTP proxy on loopback that accepts CONNECT for `hosts`:443 only and hands
 * the tunnel to a TLS server with a throwaway self-signed certificate for those names. The client
 * is started with acceptInsecureCerts and `prefs`: a PAC that sends only those hosts to the proxy.
 * `respond` sees the full URL, host included.
 */
export async function startHttpsSite(
  hosts: string | readonly string[],
  respond: Responder,
): Promise<{ prefs: Record<string, unknown>; stop(): Promise<void> }> {
  const names = typeof hosts === 'string' ? [hosts] : [...hosts];
  const dir = mkdtempSync(join(tmpdir(), 'hoplens-e2e-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a test certificate (Debian package "openssl"): ${error instanceof Error ? error.message : String(error)}`);
  }
  const tls = createHttpsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    handler((request) => `https://${request.headers.host ?? names[0]}`, respond),
  );
  rmSync(dir, { recursive: true, force: true });
  const proxy = createHttpServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  proxy.on('connect', (request: IncomingMessage, socket: import('node:stream').Duplex) => {
    if (!names.some((n) => request.url === `${n}:443`)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  const port = await listen(proxy);
  const pac = `function FindProxyForURL(url, host) { return ${JSON.stringify(names)}.indexOf(host) >= 0 ? "PROXY 127.0.0.1:${port}" : "DIRECT"; }`;
  return {
    prefs: { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pac)}` },
    async stop() {
      proxy.closeAllConnections();
      await stop(proxy);
      tls.closeAllConnections();
    },
  };
}

/**
 * A DoH endpoint that forwards every request to `target` and counts them: how a test tells an
 * analysis that asked the resolver from one served from the extension's store.
 */
export async function startCountingDoh(target: string): Promise<{ url: string; requests(): number; stop(): Promise<void> }> {
  let count = 0;
  const server = createHttpServer(async (request, response) => {
    count++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const upstream = new URL(target);
    upstream.search = new URL(request.url ?? '/', 'http://x').search;
    const init: RequestInit = { method: request.method ?? 'GET', headers: { accept: 'application/dns-message', 'content-type': 'application/dns-message' } };
    if (chunks.length) init.body = Buffer.concat(chunks);
    const answer = await fetch(upstream, init);
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/dns-message' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}${new URL(target).pathname}`, requests: () => count, stop: () => stop(server) };
}
