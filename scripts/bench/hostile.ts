import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../src/core/analyze.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { memoryResolver, type MemoryZone } from '../../src/core/dns/memory.js';
import type { DnsAnswer, Resolver } from '../../src/core/dns/types.js';
import { renderJson } from '../../src/core/report/exporters/json.js';
import { stuffingLine, stuffReceived } from '../../test/support/long-route.js';
import { ZONES } from '../../test/support/test-zones.js';
import { fmt, summarise } from './stats.js';

const RUNS = 5;

interface Measured {
  median: number;
  sent: number;
  distinct: number;
  reportBytes: number;
  summary: string;
}

/** RUNS analyses of one message, each with a fresh cache: the median time and the DNS questions of the last. */
async function measure(raw: string | Uint8Array, zone: MemoryZone, options: { resolver?: () => Resolver; deadlineMs?: number } = {}): Promise<Measured> {
  const times: number[] = [];
  let last = { sent: 0, distinct: 0, reportBytes: 0, summary: '' };
  for (let i = 0; i < RUNS; i++) {
    const resolver = options.resolver?.() ?? cachingResolver(memoryResolver(zone));
    const start = performance.now();
    const report = await analyze(raw, { resolver, ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }) });
    times.push(performance.now() - start);
    last = { sent: report.dns.queriesSent, distinct: report.dns.distinctQuestions, reportBytes: renderJson(report).length, summary: report.summary };
  }
  return { median: summarise(times).median, ...last };
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

function line(label: string, m: Measured): string {
  return `  ${label}: median ${fmt(m.median, 1)} ms, ${m.sent} queries for ${m.distinct} distinct questions, report JSON ${fmt(m.reportBytes / 1024, 0)} KB`;
}

/**
 * Issue 11's hostile messages, measured in one process: 10,000 stuffed Received hops against the
 * plain message, one MX answer of 2,500 records, and a resolver that never answers.
 */
export async function benchHostile(root: string): Promise<void> {
  const sample = readFileSync(join(root, 'public/samples/sample.eml'));
  const stuffed = stuffReceived(
    sample,
    Array.from({ length: 10_000 }, (_, i) =>
      stuffingLine(i, i % 2 ? `198.51.100.${i % 256}` : `2001:db8:${(i >> 16).toString(16)}::${(i & 0xffff).toString(16)}`),
    ),
  );
  console.log(`Hostile messages (${RUNS} runs each, DNS from memory):`);
  const plain = await measure(sample, ZONES);
  const rssBefore = maxRssMb();
  const heavy = await measure(stuffed, ZONES);
  console.log(line('the sample', plain));
  console.log(line('the sample with 10,000 stuffed Received hops', heavy));
  console.log(
    `  ratio stuffed / plain: time ${fmt(heavy.median / plain.median, 1)}×, questions ${fmt(heavy.distinct / plain.distinct, 2)}×; same summary: ${heavy.summary === plain.summary}; peak RSS ${fmt(rssBefore, 0)} → ${fmt(maxRssMb(), 0)} MB`,
  );

  const mxZone: MemoryZone = {
    ...ZONES,
    'many.example': Array.from({ length: 2500 }, (_, n) => ({ type: 'MX' as const, data: { preference: n, exchange: `mx${n}.many.example` } })),
  };
  for (let n = 0; n < 2500; n++) mxZone[`mx${n}.many.example`] = [{ type: 'A', data: '203.0.113.50' }];
  const mxMessage = new TextDecoder().decode(sample).replace(/postmaster@example\.com/g, 'postmaster@many.example');
  console.log(line('the sample from a domain with 2,500 MX records', await measure(mxMessage, mxZone)));

  const silent: Resolver = { label: 'silent', query: () => new Promise<DnsAnswer>(() => {}) };
  // Node does not wait for an AbortSignal.timeout, and the silent resolver holds nothing open.
  const awake = setInterval(() => {}, 1000);
  const dead = await measure(sample, ZONES, { resolver: () => silent, deadlineMs: 1000 });
  clearInterval(awake);
  console.log(`${line('the sample against a resolver that never answers, deadline 1,000 ms', dead)} (${fmt(dead.median / 1000, 2)}× the deadline)`);
}
