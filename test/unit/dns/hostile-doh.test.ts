import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, dohResolver } from '../../../src/core/dns/doh.js';
import { dnsErrorOf } from '../../support/dns-error.js';
import { DNS_MESSAGE_HEADERS, startHostileDoh, type HostileDoh, type HostileRequest } from '../../support/hostile-doh.js';
import { reply } from './fake-doh.js';

const servers: HostileDoh[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startHostileDoh>[0]): Promise<HostileDoh> {
  const server = await startHostileDoh(handler);
  servers.push(server);
  return server;
}

function answerBytes(request: HostileRequest, ip = '192.0.2.25'): Uint8Array {
  const name = request.query?.questions?.[0]?.name ?? 'mail.example.com';
  return reply(request.query!, { answers: [{ name, type: 'A', ttl: 300, data: ip }] });
}

function answer(request: HostileRequest, res: ServerResponse, ip?: string): void {
  res.writeHead(200, DNS_MESSAGE_HEADERS).end(answerBytes(request, ip));
}

describe('a resolver that redirects', () => {
  it.each([302, 307])('is refused on %i, and the target is never asked', async (status) => {
    const elsewhere = await serve((request, res) => answer(request, res, '192.0.2.66'));
    const redirecting = await serve((request, res) => {
      res.writeHead(status, { location: `${elsewhere.origin}${request.url}` }).end();
    });
    const error = await dnsErrorOf(dohResolver(redirecting.url, { timeoutMs: 5000 }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('network');
    expect(elsewhere.requests).toHaveLength(0);
    // Refused on the first attempt and on its one retry.
    expect(redirecting.requests).toHaveLength(2);
  });
});

describe('a resolver that sends too much', () => {
  it('that streams without end is cut off after one DNS message worth of bytes', async () => {
    let written = 0;
    const server = await serve((_request, res) => {
      res.writeHead(200, DNS_MESSAGE_HEADERS);
      const chunk = Buffer.alloc(16 * 1024, 0x41);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    // A timeout long enough that only the size cap can end the read.
    const error = await dnsErrorOf(dohResolver(server.url, { timeoutMs: 60_000 }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain(`more than ${MAX_MESSAGE_BYTES} bytes`);
    // Socket buffers hold some more than was read, but nowhere near what an endless stream would send.
    expect(written).toBeLessThan(64 * MAX_MESSAGE_BYTES);
  });

  it('that declares a body longer than any DNS message is not read at all', async () => {
    const server = await serve((request, res) => {
      const message = answerBytes(request);
      const junk = Buffer.alloc(10 * 1024 * 1024, 0x20);
      res.writeHead(200, { ...DNS_MESSAGE_HEADERS, 'content-length': String(message.length + junk.length) });
      res.write(message);
      res.end(junk);
    });
    const error = await dnsErrorOf(dohResolver(server.url).query('mail.example.com', 'A'));
    expect(error.kind).toBe('malformed');
  });

  it.each([1, 100, 70_000])('that follows a valid answer with %i junk bytes is not believed', async (junkBytes) => {
    const server = await serve((request, res) => {
      // Chunked, so that no length tells the client in advance.
      res.writeHead(200, DNS_MESSAGE_HEADERS);
      res.write(answerBytes(request));
      res.end(Buffer.alloc(junkBytes, 0x00));
    });
    const error = await dnsErrorOf(dohResolver(server.url).query('mail.example.com', 'A'));
    expect(error.kind).toBe('malformed');
  });

  it('that answers exactly one message is believed', async () => {
    const server = await serve((request, res) => answer(request, res));
    const result = await dohResolver(server.url).query('mail.example.com', 'A');
    expect(result.answers.map((r) => r.data)).toEqual(['192.0.2.25']);
  });
});

describe('a resolver that rate-limits', () => {
  it('waits as long as Retry-After asks before its one retry', async () => {
    const server = await serve((request, res) => {
      if (server.requests.length === 1) res.writeHead(429, { 'retry-after': '2' }).end();
      else answer(request, res);
    });
    const waits: number[] = [];
    const resolver = dohResolver(server.url, { sleep: async (ms) => void waits.push(ms), now: () => 1_000_000 });
    const result = await resolver.query('mail.example.com', 'A');
    expect(result.rcode).toBe('NOERROR');
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('waits a moment after a 429 that names no time, instead of retrying at once', async () => {
    const server = await serve((request, res) => {
      if (server.requests.length === 1) res.writeHead(429).end();
      else answer(request, res);
    });
    const waits: number[] = [];
    await dohResolver(server.url, { sleep: async (ms) => void waits.push(ms), now: () => 0 }).query('mail.example.com', 'A');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it('does not ask again, nor wait, when Retry-After is longer than it would wait', async () => {
    const server = await serve((_request, res) => void res.writeHead(429, { 'retry-after': '120' }).end());
    const waits: number[] = [];
    const resolver = dohResolver(server.url, { sleep: async (ms) => void waits.push(ms), now: () => 5_000 });
    const error = await dnsErrorOf(resolver.query('mail.example.com', 'A'));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('120 seconds');
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    // Other questions meanwhile are not sent either.
    expect((await dnsErrorOf(resolver.query('other.example.com', 'A'))).kind).toBe('http');
    expect(server.requests).toHaveLength(1);
  });

  it('asks the other resolver at once when there is one', async () => {
    const limited = await serve((_request, res) => void res.writeHead(429, { 'retry-after': '3' }).end());
    const other = await serve((request, res) => answer(request, res));
    const waits: number[] = [];
    const result = await dohResolver([limited.url, other.url], { sleep: async (ms) => void waits.push(ms) }).query('mail.example.com', 'A');
    expect(result.resolver).toBe(other.url);
    expect(waits).toEqual([]);
  });
});

describe('many questions at once', () => {
  it('keeps at most maxInFlight requests open per resolver, and answers every question', async () => {
    const server = await serve((request, res) => {
      setTimeout(() => answer(request, res), 5);
    });
    const resolver = dohResolver(server.url, { maxInFlight: 4 });
    const names = Array.from({ length: 120 }, (_, i) => `h${i}.example.com`);
    const answers = await Promise.all(names.map((n) => resolver.query(n, 'A')));
    expect(answers.every((a) => a.rcode === 'NOERROR')).toBe(true);
    expect(server.requests).toHaveLength(120);
    expect(server.mostOpen()).toBeLessThanOrEqual(4);
  });

  it('uses a small pool by default: 2,000 questions never open 2,000 requests', async () => {
    const server = await serve((request, res) => {
      setTimeout(() => answer(request, res), 1);
    });
    const resolver = dohResolver(server.url);
    const names = Array.from({ length: 2000 }, (_, i) => `h${i}.example.com`);
    await Promise.all(names.map((n) => resolver.query(n, 'A')));
    expect(server.mostOpen()).toBeLessThanOrEqual(16);
  }, 60_000);

  it('times each attempt from when it leaves, not from when it started waiting for a slot', async () => {
    const server = await serve((request, res) => {
      setTimeout(() => answer(request, res), 40);
    });
    // 40 questions through one slot wait far longer than the timeout in total, never per attempt.
    const resolver = dohResolver(server.url, { maxInFlight: 1, timeoutMs: 1000 });
    const names = Array.from({ length: 40 }, (_, i) => `h${i}.example.com`);
    const answers = await Promise.all(names.map((n) => resolver.query(n, 'A')));
    expect(answers.every((a) => a.rcode === 'NOERROR')).toBe(true);
  }, 60_000);
});
