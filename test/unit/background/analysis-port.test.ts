import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import type { Resolver } from '../../../src/core/dns/types.js';
import type { AnalysisUpdate } from '../../../src/worker-protocol.js';

const stored: Record<string, unknown> = {};
const granted = new Set<string>();
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../ui/fake-i18n.js')).i18n,
    storage: { local: { get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}) } },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) },
  },
}));
const { serveAnalysisPort, settingsResolver, toErrorUpdate } = await import('../../../src/background/analysis.js');

const sample = readFileSync(new URL('../../../public/samples/sample.eml', import.meta.url), 'utf8');
const ZONE = {
  '25.113.0.203.in-addr.arpa': [{ type: 'PTR' as const, data: 'mail.example.com' }],
  'mail.example.com': [{ type: 'A' as const, data: '203.0.113.25' }],
  'example.com': [
    { type: 'MX' as const, data: { preference: 10, exchange: 'mail.example.com' } },
    { type: 'TXT' as const, data: 'v=spf1 ip4:203.0.113.24/29 -all' },
  ],
};

/** A port as the page sees it from the other end: what the worker posts, and whether it hung up. */
function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: AnalysisUpdate[] = [];
  let resolveClosed: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const port = {
    postMessage: (m: AnalysisUpdate) => posted.push(structuredClone(m)),
    disconnect: () => resolveClosed(),
    onMessage: { addListener: (l: (m: unknown) => void) => onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
  };
  return {
    port,
    posted,
    closed,
    send: (m: unknown) => {
      for (const l of onMessage) l(m);
    },
    pageGone: () => {
      for (const l of onDisconnect) l();
    },
  };
}

const analyze = { type: 'analyze', raw: sample, source: { kind: 'paste', label: 'pasted text' } };

describe('analysis port', () => {
  it('streams the route, each check and the report, then closes', async () => {
    const p = fakePort();
    serveAnalysisPort(p.port, async () => memoryResolver(ZONE));
    p.send(analyze);
    await p.closed;
    const events = p.posted.map((u) => (u.type === 'progress' ? u.event.type : u.type));
    expect(events[0]).toBe('route');
    expect(events.at(-1)).toBe('done');
    expect(events).toContain('check');
    const done = p.posted.at(-1);
    expect(
      done?.type === 'progress' &&
        done.event.type === 'done' &&
        done.event.report.checks.find((c) => c.check === 'iprev' && c.subject === '203.0.113.25')?.result,
    ).toBe('pass');
  });

  it('runs without DNS when the settings give no resolver', async () => {
    const p = fakePort();
    serveAnalysisPort(p.port, async () => null);
    p.send(analyze);
    await p.closed;
    const done = p.posted.at(-1);
    expect(done?.type === 'progress' && done.event.type === 'done' && done.event.report.dns.mode).toBe('off');
  });

  it("reports the core's input errors with their code", async () => {
    const p = fakePort();
    serveAnalysisPort(p.port, async () => null);
    p.send({ ...analyze, raw: '' });
    await p.closed;
    expect(p.posted).toEqual([{ type: 'error', code: 'empty', message: expect.any(String) }]);
  });

  it('aborts the lookups on cancel and posts nothing more', async () => {
    const p = fakePort();
    let seenSignal: AbortSignal | undefined;
    // Never settles: what matters is that the worker aborts the signal the lookups carry.
    const hanging: Resolver = {
      label: 'hanging',
      query: (_n, _t, o) => {
        seenSignal = o?.signal;
        return new Promise(() => {});
      },
    };
    serveAnalysisPort(p.port, async () => hanging);
    p.send(analyze);
    await vi.waitFor(() => expect(seenSignal).toBeDefined());
    const before = p.posted.length;
    p.send({ type: 'cancel' });
    expect(seenSignal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(p.posted.length).toBe(before);
    expect(p.posted.some((u) => u.type === 'error' || (u.type === 'progress' && u.event.type === 'done'))).toBe(false);
  });

  it('aborts when the page goes away, and refuses a second analysis on one port', async () => {
    const p = fakePort();
    let seenSignal: AbortSignal | undefined;
    serveAnalysisPort(p.port, async () => ({
      label: 'hanging',
      query: (_n, _t, o) => {
        seenSignal = o?.signal;
        return new Promise(() => {});
      },
    }));
    p.send(analyze);
    p.send(analyze);
    expect(p.posted).toContainEqual({ type: 'error', code: 'busy', message: 'This connection already carries an analysis; open a new one for the next.' });
    await vi.waitFor(() => expect(seenSignal).toBeDefined());
    p.pageGone();
    expect(seenSignal?.aborted).toBe(true);
  });
});

describe('analysis errors the worker words', () => {
  it('name the resolver the browser does not let Hoplens reach, from the locale', async () => {
    stored.settings = { resolver: 'google' };
    await expect(settingsResolver()).rejects.toMatchObject({
      code: 'resolver-permission',
      message: expect.stringMatching(/^Hoplens is not allowed to reach dns\.google\. Open the options/),
    });
    granted.add('https://dns.google/*');
    expect((await settingsResolver())?.label).toBeTruthy();
  });

  it('say why a custom resolver URL is unusable, with its reason', async () => {
    stored.settings = { resolver: 'custom', customResolverUrl: 'http://dns.example.net/dns-query' };
    await expect(settingsResolver()).rejects.toMatchObject({
      code: 'resolver',
      message: expect.stringMatching(/^The DoH resolver in the options is not usable: \S/),
    });
  });

  it('turn an unforeseen failure and an unknown request into plain sentences', async () => {
    expect(toErrorUpdate(new TypeError('x is undefined'))).toEqual({
      type: 'error',
      code: 'internal',
      message: 'The analysis stopped on an unexpected error: x is undefined',
    });
    const p = fakePort();
    serveAnalysisPort(p.port, async () => null);
    p.send({ type: 'analyse' });
    expect(p.posted).toEqual([{ type: 'error', code: 'bad-request', message: 'The page sent a request the worker does not understand.' }]);
  });
});
