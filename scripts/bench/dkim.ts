import { performance } from 'node:perf_hooks';
import { verifyDkimBytes } from '../../src/core/dkim/index.js';
import { memoryResolver, type MemoryZone } from '../../src/core/dns/memory.js';
import { sealMessage } from '../../test/support/arc-signer.js';
import { fixtureKey, signMessage } from '../../test/support/dkim-signer.js';
import { fmt, summarise } from './stats.js';

const MB = 1024 * 1024;

/** A message with a 25 MB body of base64 lines, as an attachment makes it. */
function bigMessage(bodyBytes: number): Uint8Array {
  const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0'.slice(0, 76)}\r\n`;
  const head =
    'From: Alice <alice@bench.example>\r\nTo: bob@example.net\r\nSubject: big\r\nDate: Tue, 04 Jun 2024 10:00:00 +0000\r\nMessage-ID: <big@bench.example>\r\n\r\n';
  return new TextEncoder().encode(head + line.repeat(Math.ceil(bodyBytes / line.length)));
}

/**
 * DKIM verification of a 25 MB message (body canonicalisation, SHA-256, the RSA check), per
 * canonicalisation, beside WebCrypto's SHA-256 of the same 25 MB: the ratio is what
 * canonicalisation adds to the hashing itself. Medians of 5 runs in this process.
 */
export async function benchDkim(keys: URL): Promise<void> {
  const key = await fixtureKey('rsa', keys);
  const zone: MemoryZone = { 'dkimpy-rsa._domainkey.bench.example': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] };
  const message = bigMessage(25 * MB);
  const hashTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    await crypto.subtle.digest('SHA-256', message as Uint8Array<ArrayBuffer>);
    if (i > 0) hashTimes.push(performance.now() - start);
  }
  const hash = summarise(hashTimes).median;
  console.log(`DKIM verification of a ${fmt(message.length / MB, 1)} MB message (5 runs each; SHA-256 of the same bytes alone: median ${fmt(hash, 0)} ms):`);
  for (const canonicalization of ['simple/simple', 'relaxed/relaxed'] as const) {
    const signed = await signMessage(message, key, { domain: 'bench.example', selector: 'dkimpy-rsa', canonicalization });
    const times: number[] = [];
    let result = '';
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const out = await verifyDkimBytes(signed, { resolver: memoryResolver(zone) });
      if (i > 0) times.push(performance.now() - start);
      result = out.signatures[0]!.result;
    }
    const { median, p95 } = summarise(times);
    console.log(`  c=${canonicalization}: ${result}, median ${fmt(median, 0)} ms, p95 ${fmt(p95, 0)} ms (${fmt(median / hash, 1)}× the hash alone)`);
  }
}

/** The typical message signed by its sending domain, and the key in the zone: for the round-trip bench with DKIM on. */
export async function signedTypical(message: string, zone: MemoryZone, keys: URL): Promise<{ raw: Uint8Array; zone: MemoryZone }> {
  const key = await fixtureKey('rsa', keys);
  const raw = await signMessage(message.replace(/\n/g, '\r\n'), key, { domain: 'bench.example', selector: 'dkimpy-rsa' });
  return { raw, zone: { ...zone, 'dkimpy-rsa._domainkey.bench.example': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] } };
}

/** A signed message as a forwarder passes it on: one ARC set on top, its key in the zone. */
export async function sealedTypical(signed: { raw: Uint8Array; zone: MemoryZone }, keys: URL): Promise<{ raw: Uint8Array; zone: MemoryZone }> {
  const key = await fixtureKey('rsa', keys);
  const raw = await sealMessage(signed.raw, key, { domain: 'forwarder.example', selector: 'arc' });
  return { raw, zone: { ...signed.zone, 'arc._domainkey.forwarder.example': [{ type: 'TXT', data: `v=DKIM1; p=${key.publicKey}` }] } };
}
