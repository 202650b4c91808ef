import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../src/core/analyze.js';
import { analyzeHeaders } from '../../src/core/analyze-headers.js';
import { cachingResolver } from '../../src/core/dns/cache.js';
import { memoryResolver, type MemoryZone } from '../../src/core/dns/memory.js';
import { parseReceived } from '../../src/core/received/index.js';
import { ZONES } from '../../test/support/test-zones.js';
import { benchDkim, sealedTypical, signedTypical } from './dkim.js';
import { benchHostile } from './hostile.js';
import { compareParsers } from './parser-compare.js';
import { runAccuracy } from './received-accuracy.js';
import { benchReportRender } from './report-render.js';
import { fmt, summarise } from './stats.js';
import { TYPICAL_MESSAGE, TYPICAL_ZONE } from './typical-message.js';

const LATENCY_MS = 50;

function readCorpus(root: string): string[] {
  return readFileSync(join(root, 'test/fixtures/received/corpus.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
}

/** Received headers per second over the dialect corpus; the median of several passes. */
function benchParse(root: string): void {
  const corpus = readCorpus(root);
  for (let i = 0; i < 3; i++) for (const line of corpus) parseReceived(line);
  const rates: number[] = [];
  for (let pass = 0; pass < 9; pass++) {
    const start = performance.now();
    let parsed = 0;
    while (performance.now() - start < 200) {
      for (const line of corpus) parseReceived(line);
      parsed += corpus.length;
    }
    rates.push(parsed / ((performance.now() - start) / 1000));
  }
  const { median, p95 } = summarise(rates);
  console.log(`Received headers parsed per second (${corpus.length}-header corpus, 9 passes): median ${fmt(median, 0)}, p95 ${fmt(p95, 0)}`);
}

/** Whole-message analysis without DNS, per fixture message. */
async function benchMessages(root: string): Promise<void> {
  const dir = join(root, 'test/fixtures/messages');
  const times: number[] = [];
  let messages = 0;
  for (const file of readdirSync(dir)) {
    const raw = readFileSync(join(dir, file));
    try {
      await analyzeHeaders(raw);
    } catch {
      continue;
    }
    messages++;
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await analyzeHeaders(raw);
      times.push(performance.now() - start);
    }
  }
  const { median, p95, n } = summarise(times);
  console.log(`Whole-message analysis, no DNS (${messages} messages × 30 runs = ${n}): median ${fmt(median)} ms, p95 ${fmt(p95)} ms`);
}

/**
 * Full analyses against an in-memory zone whose every answer takes LATENCY_MS, through the
 * same cache and in-flight deduplication as the real resolver. Time ÷ latency is the number of
 * round trips on the critical path; it should match the depth of the longest chain of
 * dependent lookups (PTR → A, or an SPF include chain), not the number of queries.
 */
async function benchRoundTrips(name: string, raw: string | Uint8Array, zone: MemoryZone): Promise<void> {
  const elapsed: number[] = [];
  let sent = 0;
  let distinct = 0;
  let summary = '';
  for (let i = 0; i < 7; i++) {
    const upstream = memoryResolver(zone, { latencyMs: LATENCY_MS });
    const start = performance.now();
    const report = await analyze(raw, { resolver: cachingResolver(upstream) });
    elapsed.push(performance.now() - start);
    sent = upstream.queries;
    distinct = report.dns.distinctQuestions;
    summary = report.summary;
  }
  const { median } = summarise(elapsed);
  console.log(`Full analysis of ${name} with ${LATENCY_MS} ms per query (7 runs):`);
  const trips = median / LATENCY_MS;
  console.log(`  ${summary}`);
  console.log(`  queries on the wire ${sent}, distinct questions ${distinct} (ratio ${fmt(sent / distinct)})`);
  console.log(`  median ${fmt(median, 0)} ms = ${fmt(trips, 1)} round trips on the critical path (${fmt(sent / trips, 1)} queries per round trip)`);
}

/** The Received parser of another revision, for `compare-parser`. */
interface OtherParser {
  label: string;
  parse: typeof parseReceived;
}

export async function run(root: string, args: readonly string[] = [], other?: OtherParser): Promise<void> {
  if (args[0] === 'accuracy') {
    runAccuracy(parseReceived);
    return;
  }
  if (other !== undefined) {
    compareParsers(other.label, other.parse, parseReceived, readCorpus(root));
    return;
  }
  console.log(`Hoplens benchmarks — node ${process.version}`);
  benchParse(root);
  await benchMessages(root);
  await benchRoundTrips('public/samples/sample.eml', readFileSync(join(root, 'public/samples/sample.eml')), ZONES);
  await benchRoundTrips('a typical message (3 public hops, SPF match 3 includes deep)', TYPICAL_MESSAGE, { ...ZONES, ...TYPICAL_ZONE });
  const keys = pathToFileURL(join(root, 'test/fixtures/dkim/keys/'));
  const signed = await signedTypical(TYPICAL_MESSAGE, { ...ZONES, ...TYPICAL_ZONE }, keys);
  await benchRoundTrips('the same message DKIM-signed (its key lookup beside the PTR lookups)', signed.raw, signed.zone);
  const sealed = await sealedTypical(signed, keys);
  await benchRoundTrips('the signed message ARC-sealed by a forwarder (the seal key asked beside the DKIM key)', sealed.raw, sealed.zone);
  await benchDkim(keys);
  await benchReportRender();
  await benchHostile(root);
}
