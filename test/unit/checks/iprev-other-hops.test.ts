import { describe, expect, it } from 'vitest';
import { iprevCheck } from '../../../src/core/checks/iprev/check.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { ZONES } from '../../support/test-zones.js';
import { analysisOf, collect, contextOf, hops } from './analysis.js';

const resolver = memoryResolver(ZONES);

describe('iprev advice about hops receivers do not check', () => {
  it('marks each piece of advice for another hop as for completeness; the sender’s stays a to-do', async () => {
    // 203.0.113.30 has no PTR: a relay before the sender here, the sender itself below.
    const relay = { ip: '203.0.113.30', helo: 'relay.example.com', by: 'mail.example.com' };
    const sender = { ip: '203.0.113.25', helo: 'mail.example.com', by: 'mx.example.net' };
    const results = await collect(iprevCheck, contextOf(analysisOf({ hops: hops(relay, sender), originIndex: 1 }), resolver));
    const other = results.find((r) => r.subject === '203.0.113.30')!;
    expect(other.result).toBe('permerror');
    expect(other.advice.length).toBeGreaterThan(0);
    for (const a of other.advice)
      expect(a).toMatch(/^For completeness, receivers do not check this hop: ask whoever holds|^For completeness, receivers do not check this hop: make sure/);
    const asSender = await collect(iprevCheck, contextOf(analysisOf({ hops: hops(relay), originIndex: 0 }), resolver));
    expect(asSender[0]!.advice[0]).toMatch(/^Ask whoever holds the reverse zone/);
  });
});
