import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECURSION_DESIRED, decode, encode } from '@dnsquery/dns-packet';
import { ZONES } from './test-zones.js';
import { zoneFiles } from './zone-files.js';

export interface DnsStack {
  /** dnsdist's plain-HTTP DoH endpoint in front of BIND serving the test zones. */
  dohUrl: string;
  /** A DoH URL whose server accepts connections and never answers. */
  blackholeUrl: string;
  stop(): Promise<void>;
}

const NAMED = '/usr/sbin/named';
const DNSDIST = '/usr/bin/dnsdist';
const READY_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

/**
 * Starts BIND 9 (authoritative only) on the test zones (test-zones.ts, written out as zone files;
 * see zones/README.md), dnsdist in front of it
 * serving DoH over plain HTTP/1.1 (BIND 9.18's own DoH listener speaks only HTTP/2, which
 * fetch cannot use without TLS), and a TCP blackhole, all on 127.0.0.1 at free ports.
 * Throws, naming the Debian package, when a daemon is missing or does not come up: tests that
 * need real DNS fail rather than skip.
 */
export async function startDnsStack(): Promise<DnsStack> {
  await requireBinary(NAMED, 'bind9');
  await requireBinary(DNSDIST, 'dnsdist');
  const dir = await mkdtemp(join(tmpdir(), 'hoplens-dns-'));
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  let blackhole: Blackhole | undefined;
  try {
    const zones = await writeZones(dir);
    const dnsPort = await startWithRetry('named', async () => {
      const port = await freePort(true);
      await writeFile(join(dir, 'named.conf'), namedConf(dir, port, zones));
      // -g: foreground, log to stderr, no privilege drop; -n 1: one worker on a shared machine.
      const child = launch(NAMED, ['-g', '-n', '1', '-c', join(dir, 'named.conf')], children);
      await waitUntil('named', child, () => udpAnswers(port));
      return port;
    });
    const dohPort = await startWithRetry('dnsdist', async () => {
      const port = await freePort(false);
      await writeFile(join(dir, 'dnsdist.conf'), dnsdistConf(dnsPort, port));
      const child = launch(DNSDIST, ['--supervised', '--disable-syslog', '-C', join(dir, 'dnsdist.conf')], children);
      await waitUntil('dnsdist', child, () => dohAnswers(`http://127.0.0.1:${port}/dns-query`));
      return port;
    });
    blackhole = await startBlackhole();
    const stack = blackhole;
    return {
      dohUrl: `http://127.0.0.1:${dohPort}/dns-query`,
      blackholeUrl: `http://127.0.0.1:${stack.port}/dns-query`,
      async stop() {
        process.removeListener('exit', killAll);
        await stack.close();
        await Promise.all(children.map(stopChild));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', killAll);
    await blackhole?.close();
    await Promise.all(children.map(stopChild));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function requireBinary(path: string, pkg: string): Promise<void> {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is missing: the DNS test stack needs Debian's ${pkg} (apt-get install bind9 dnsdist)`);
  }
}

/** Writes the zone files of the test zones and returns their file names by zone name. */
async function writeZones(dir: string): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  for (const [zone, text] of zoneFiles(ZONES)) {
    const file = zone === '.' ? 'root.zone' : `${zone}.zone`;
    await writeFile(join(dir, file), text);
    zones.set(zone, file);
  }
  return zones;
}

function namedConf(dir: string, port: number, zones: Map<string, string>): string {
  const zoneLines = [...zones].map(([zone, file]) => `zone "${zone}" { type primary; file "${file}"; };`);
  return `options {
  directory "${dir}";
  pid-file "${join(dir, 'named.pid')}";
  session-keyfile "${join(dir, 'session.key')}";
  managed-keys-directory "${dir}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
  // Answers in zone-file order, so that "the first 10 PTR names" is the same on every run.
  rrset-order { order none; };
};
// No rndc: the stack stops named with a signal.
controls { };
${zoneLines.join('\n')}
`;
}

function dnsdistConf(dnsPort: number, dohPort: number): string {
  return `newServer({address="127.0.0.1:${dnsPort}"})
-- No certificate: DoH over plain HTTP/1.1, which fetch speaks without TLS.
addDOHLocal("127.0.0.1:${dohPort}", nil, nil, "/dns-query")
-- Wait longer for BIND than any client timeout, so a slow answer is the client's timeout, not dnsdist's HTTP 502.
setUDPTimeout(12)
setServFailWhenNoServer(true)
-- No security polling over the network.
setSecurityPollSuffix("")
`;
}

interface Launched extends ChildProcess {
  output: string[];
}

function launch(binary: string, args: string[], children: ChildProcess[]): Launched {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] }) as Launched;
  child.output = [];
  const keep = (chunk: Buffer) => {
    child.output.push(chunk.toString());
    if (child.output.length > 200) child.output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(child);
  return child;
}

/** Retries on a port taken between choosing it and binding it (other test processes run too). */
async function startWithRetry(name: string, start: () => Promise<number>): Promise<number> {
  let last: unknown;
  for (let i = 0; i < START_ATTEMPTS; i++) {
    try {
      return await start();
    } catch (error) {
      last = error;
      if (!(error instanceof PortTaken)) throw error;
    }
  }
  throw new Error(`${name} could not bind a free port in ${START_ATTEMPTS} attempts`, { cause: last });
}

class PortTaken extends Error {}

async function waitUntil(name: string, child: Launched, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  while (Date.now() < deadline) {
    const log = child.output.join('');
    if (/address in use/i.test(log)) {
      await stopChild(child);
      throw new PortTaken(`${name}: address in use`);
    }
    if (spawnError) throw new Error(`${name} could not be started (apt-get install bind9 dnsdist): ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${log.slice(-3000)}`);
    }
    if (await ready()) return;
    await sleep(100);
  }
  await stopChild(child);
  throw new Error(`${name} did not answer within ${READY_TIMEOUT_MS} ms:\n${child.output.join('').slice(-3000)}`);
}

/** A port free for TCP, and for UDP too when `udp` (named listens on both). */
async function freePort(udp: boolean): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const udpFree = !udp || (await udpPortFree(port));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (udpFree) return port;
  }
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

function readinessQuery(): Uint8Array {
  return encode({ type: 'query', id: 4242, flags: RECURSION_DESIRED, questions: [{ name: 'example.com', type: 'SOA', class: 'IN' }] });
}

function isReadyAnswer(bytes: Uint8Array): boolean {
  try {
    const packet = decode(bytes);
    return packet.id === 4242 && packet.rcode === 'NOERROR' && (packet.answers ?? []).some((a) => a.type === 'SOA');
  } catch {
    return false;
  }
}

function udpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), 300);
    socket.once('error', () => finish(false));
    socket.once('message', (message) => finish(isReadyAnswer(new Uint8Array(message))));
    socket.send(readinessQuery(), port, '127.0.0.1');
  });
}

async function dohAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      body: readinessQuery() as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(1000),
    });
    return response.ok && isReadyAnswer(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return false;
  }
}

interface Blackhole {
  port: number;
  close(): Promise<void>;
}

/** Accepts TCP connections, reads whatever comes, never answers. */
async function startBlackhole(): Promise<Blackhole> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
