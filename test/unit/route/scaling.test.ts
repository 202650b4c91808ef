import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { analyzeHeaders } from '../../../src/core/analyze-headers.js';
import { cachingResolver } from '../../../src/core/dns/cache.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { longRouteMessage } from '../../support/long-route.js';
import { costRatio } from '../../support/scaling.js';
import { ZONES } from '../../support/test-zones.js';

/**
 * A route of 1,000 hops against one of 100: with linear work the ratio is about 10, with
 * quadratic work about 100. The bound (30, as the parser's scaling tests use) leaves room for
 * garbage collection and the shared machine.
 */
const BOUND = 30;

describe('the route scales linearly with its hops', () => {
  it('headers to route, origin, delays and warnings: 1,000 hops against 100', async () => {
    expect(await costRatio(analyzeHeaders, longRouteMessage(100), longRouteMessage(1000))).toBeLessThan(BOUND);
  }, 120_000);

  it('the whole analysis with DNS from memory: 1,000 hops against 100', async () => {
    const run = (raw: string) => analyze(raw, { resolver: cachingResolver(memoryResolver(ZONES)) });
    expect(await costRatio(run, longRouteMessage(100), longRouteMessage(1000), 3)).toBeLessThan(BOUND);
  }, 120_000);
});
