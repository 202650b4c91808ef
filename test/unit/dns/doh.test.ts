import fc from 'fast-check';
import { AUTHENTIC_DATA, TRUNCATED_RESPONSE } from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import { dohResolver } from '../../../src/core/dns/doh.js';
import { dnsMessage, ede, emptyOpt, fakeFetch, never, reply, withOptions, type FakeCall } from './fake-doh.js';
import { dnsErrorOf } from '../../support/dns-error.js';

const URL_A = 'https://a.example/dns-query';
const URL_B = 'https://b.example/dns-query';

function mailA(call: FakeCall): Response {
  return dnsMessage(reply(call.query, { answers: [{ name: 'mail.example.com', type: 'A', ttl: 300, data: '203.0.113.25' }] }));
}

describe('dohResolver requests', () => {
  it('sends GET with ?dns= base64url (no padding), id 0 and the dns-message accept header', async () => {
    const fetch = fakeFetch(mailA);
    const answer = await dohResolver(URL_A, { fetch }).query('Mail.Example.com.', 'A');
    expect(answer.answers).toEqual([{ name: 'mail.example.com', ttl: 300, type: 'A', data: '203.0.113.25' }]);
    expect(answer.resolver).toBe(URL_A);
    expect(answer.fromCache).toBe(false);
    const [call] = fetch.calls;
    expect(call?.method).toBe('GET');
    expect(call?.headers.get('accept')).toBe('application/dns-message');
    const param = new URL(call!.url).searchParams.get('dns')!;
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(call?.url.startsWith(`${URL_A}?dns=`)).toBe(true);
    expect(call?.query.id).toBe(0);
    expect(call?.query.questions).toEqual([{ name: 'mail.example.com', type: 'A', class: 'IN' }]);
  });

  it('keeps the query string of a resolver URL and adds dns after it', async () => {
    const fetch = fakeFetch(mailA);
    await dohResolver('https://a.example/q?tenant=x', { fetch }).query('mail.example.com', 'A');
    const url = new URL(fetch.calls[0]!.url);
    expect(url.searchParams.get('tenant')).toBe('x');
    expect(url.searchParams.get('dns')).toBeTruthy();
  });

  it('sends POST with the message as body when asked', async () => {
    const fetch = fakeFetch(mailA);
    await dohResolver(URL_A, { fetch, method: 'POST' }).query('mail.example.com', 'A');
    const [call] = fetch.calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(URL_A);
    expect(call?.headers.get('content-type')).toBe('application/dns-message');
    expect(call?.query.questions?.[0]?.name).toBe('mail.example.com');
  });

  it.each([405, 415])('falls back to POST when GET gets %i, and remembers it', async (status) => {
    const fetch = fakeFetch((call) => (call.method === 'GET' ? new Response('no', { status }) : mailA(call)));
    const resolver = dohResolver(URL_A, { fetch });
    expect((await resolver.query('mail.example.com', 'A')).answers).toHaveLength(1);
    await resolver.query('mail2.example.com', 'A').catch(() => undefined);
    expect(fetch.calls.map((c) => c.method)).toEqual(['GET', 'POST', 'POST']);
  });
});

describe('dohResolver answers', () => {
  it('reads rcode, AD and Extended DNS Errors', async () => {
    const fetch = fakeFetch((call) =>
      dnsMessage(withOptions(reply(call.query, { rcode: 'SERVFAIL', flags: AUTHENTIC_DATA, additionals: [emptyOpt()] }), [ede(9, 'DNSKEY missing')])),
    );
    const answer = await dohResolver([URL_A, URL_B], { fetch }).query('broken.example', 'A');
    expect(answer.rcode).toBe('SERVFAIL');
    expect(answer.authenticated).toBe(true);
    expect(answer.extendedErrors).toEqual([{ code: 9, text: 'DNSKEY missing' }]);
  });

  it('turns a mismatched answer into DnsError mismatch and does not retry it', async () => {
    const fetch = fakeFetch((call) => dnsMessage(reply(call.query, { id: 99 })));
    expect((await dnsErrorOf(dohResolver([URL_A, URL_B], { fetch }).query('mail.example.com', 'A'))).kind).toBe('mismatch');
    expect(fetch.calls).toHaveLength(1);
  });

  it('turns an answer for another name into DnsError mismatch', async () => {
    const fetch = fakeFetch((call) => dnsMessage(reply(call.query, { questions: [{ name: 'evil.example', type: 'A', class: 'IN' }] })));
    expect((await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A'))).kind).toBe('mismatch');
  });

  it('turns TC into DnsError truncated', async () => {
    const fetch = fakeFetch((call) => dnsMessage(reply(call.query, { flags: TRUNCATED_RESPONSE })));
    expect((await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A'))).kind).toBe('truncated');
  });

  it('rejects a body that is not application/dns-message as malformed', async () => {
    const fetch = fakeFetch(() => new Response('<html>captive portal</html>', { headers: { 'content-type': 'text/html' } }));
    expect((await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A'))).kind).toBe('malformed');
  });
});

describe('dohResolver failures and retry', () => {
  it('times out, retries once on the next URL and uses its answer', async () => {
    const fetch = fakeFetch((call) => (call.url.startsWith(URL_A) ? never(call) : mailA(call)));
    const resolver = dohResolver([URL_A, URL_B], { fetch, timeoutMs: 20 });
    const answer = await resolver.query('mail.example.com', 'A');
    expect(answer.resolver).toBe(URL_B);
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(['a.example', 'b.example']);
    expect(fetch.calls[0]?.signal?.aborted).toBe(true);
  });

  it('asks the URL that answered first once the other failed', async () => {
    const fetch = fakeFetch((call) => (call.url.startsWith(URL_A) ? never(call) : mailA(call)));
    const resolver = dohResolver([URL_A, URL_B], { fetch, timeoutMs: 20 });
    await resolver.query('mail.example.com', 'A');
    await resolver.query('other.example.com', 'A');
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(['a.example', 'b.example', 'b.example']);
  });

  it('throws DnsError timeout when both attempts time out, retrying the only URL', async () => {
    const fetch = fakeFetch(never);
    const error = await dnsErrorOf(dohResolver(URL_A, { fetch, timeoutMs: 10 }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('timeout');
    expect(error.question).toEqual({ name: 'mail.example.com', type: 'A' });
    expect(fetch.calls).toHaveLength(2);
  });

  it('retries an HTTP error and reports DnsError http when it persists', async () => {
    const fetch = fakeFetch(() => new Response('busy', { status: 503, statusText: 'Service Unavailable' }));
    const error = await dnsErrorOf(dohResolver([URL_A, URL_B], { fetch }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('503');
    expect(fetch.calls).toHaveLength(2);
  });

  it('retries a network error', async () => {
    let first = true;
    const fetch = fakeFetch((call) => {
      if (first) {
        first = false;
        throw new TypeError('fetch failed');
      }
      return mailA(call);
    });
    expect((await dohResolver(URL_A, { fetch }).query('mail.example.com', 'A')).rcode).toBe('NOERROR');
    expect(fetch.calls).toHaveLength(2);
  });

  it('reports DnsError network when the retry fails too', async () => {
    const fetch = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    expect((await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A'))).kind).toBe('network');
  });

  it('says the same error once when both attempts fail alike', async () => {
    const fetch = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND a.example') });
    });
    const error = await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A'));
    expect(error.message).toBe(`cannot reach ${URL_A}: fetch failed (getaddrinfo ENOTFOUND a.example) (failed twice)`);
  });

  it('keeps both errors when the attempts fail differently', async () => {
    const fetch = fakeFetch((call) => {
      if (call.url.startsWith(URL_A)) throw new TypeError('fetch failed');
      return new Response('busy', { status: 503, statusText: 'Service Unavailable' });
    });
    const error = await dnsErrorOf(dohResolver([URL_A, URL_B], { fetch }).query('mail.example.com', 'A'));
    expect(error.kind).toBe('http');
    expect(error.message).toBe(`HTTP 503 Service Unavailable from ${URL_B} (first attempt: cannot reach ${URL_A}: fetch failed)`);
  });

  it('retries SERVFAIL on the next URL', async () => {
    const fetch = fakeFetch((call) => (call.url.startsWith(URL_A) ? dnsMessage(reply(call.query, { rcode: 'SERVFAIL' })) : mailA(call)));
    const answer = await dohResolver([URL_A, URL_B], { fetch }).query('mail.example.com', 'A');
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.resolver).toBe(URL_B);
  });

  it('keeps the first SERVFAIL when the retry cannot be reached', async () => {
    const fetch = fakeFetch((call) => (call.url.startsWith(URL_A) ? dnsMessage(reply(call.query, { rcode: 'SERVFAIL' })) : never(call)));
    const answer = await dohResolver([URL_A, URL_B], { fetch, timeoutMs: 10 }).query('mail.example.com', 'A');
    expect(answer.rcode).toBe('SERVFAIL');
    expect(answer.resolver).toBe(URL_A);
  });

  it('does not retry NXDOMAIN', async () => {
    const fetch = fakeFetch((call) => dnsMessage(reply(call.query, { rcode: 'NXDOMAIN' })));
    expect((await dohResolver([URL_A, URL_B], { fetch }).query('nope.example', 'A')).rcode).toBe('NXDOMAIN');
    expect(fetch.calls).toHaveLength(1);
  });

  it('cancels with DnsError aborted when the signal fires, without retrying', async () => {
    const fetch = fakeFetch(never);
    const controller = new AbortController();
    const pending = dohResolver([URL_A, URL_B], { fetch, timeoutMs: 60_000 }).query('mail.example.com', 'A', { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    expect((await dnsErrorOf(pending)).kind).toBe('aborted');
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.signal?.aborted).toBe(true);
  });

  it('refuses an already aborted signal without sending anything', async () => {
    const fetch = fakeFetch(mailA);
    const error = await dnsErrorOf(dohResolver(URL_A, { fetch }).query('mail.example.com', 'A', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('dohResolver cache and stats', () => {
  it('answers a repeat from cache and counts it', async () => {
    const fetch = fakeFetch(mailA);
    const resolver = dohResolver(URL_A, { fetch });
    await resolver.query('mail.example.com', 'A');
    const again = await resolver.query('MAIL.example.com.', 'A');
    expect(again.fromCache).toBe(true);
    expect(fetch.calls).toHaveLength(1);
    expect(resolver.stats()).toMatchObject({ sent: 1, cacheHits: 1, inFlight: 0 });
  });

  it('puts two concurrent identical questions on the wire once', async () => {
    const fetch = fakeFetch(mailA);
    const resolver = dohResolver(URL_A, { fetch });
    const [a, b] = await Promise.all([resolver.query('mail.example.com', 'A'), resolver.query('mail.example.com', 'A')]);
    expect(fetch.calls).toHaveLength(1);
    expect([a.fromCache, b.fromCache]).toEqual([false, true]);
    expect(resolver.stats()).toMatchObject({ sent: 1, shared: 1 });
  });
});

describe('resolver URLs', () => {
  it('accepts https anywhere and http only on loopback', () => {
    for (const ok of [
      'https://dns.example/dns-query',
      'http://127.0.0.1:8053/dns-query',
      'http://127.8.9.10/q',
      'http://localhost:1/q',
      'http://[::1]:8053/dns-query',
    ]) {
      expect(() => dohResolver(ok)).not.toThrow();
    }
    for (const bad of ['http://dns.example/dns-query', 'http://192.0.2.1/dns-query', 'http://[2001:db8::1]/q', 'ftp://127.0.0.1/q', 'not a url']) {
      expect(() => dohResolver(bad)).toThrow(/DoH resolver URL/);
    }
    expect(() => dohResolver([])).toThrow();
  });
});

describe('dohResolver reads one message, whatever the chunks', () => {
  /** A response whose body arrives in the given pieces. */
  function chunked(bytes: Uint8Array, cuts: number[]): Response {
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const pieces = [0, ...points, bytes.length].flatMap((at, i, all) => (i + 1 < all.length ? [bytes.slice(at, all[i + 1])] : []));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/dns-message' } });
  }

  it('believes a message exactly as long as it says, and nothing with bytes after it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), fc.uint8Array({ maxLength: 300 }), async (cuts, junk) => {
        const fetch = fakeFetch((call) => {
          const message = reply(call.query, { answers: [{ name: 'mail.example.com', type: 'A', ttl: 300, data: '203.0.113.25' }] });
          return chunked(new Uint8Array([...message, ...junk]), cuts);
        });
        const outcome = await dohResolver(URL_A, { fetch })
          .query('mail.example.com', 'A')
          .then(
            (answer) => answer.rcode,
            (error: unknown) => (error as { kind?: string }).kind,
          );
        expect(outcome).toBe(junk.length === 0 ? 'NOERROR' : 'malformed');
      }),
      { numRuns: 100 },
    );
  });
});
