import { describe, expect, inject, it } from 'vitest';
import { testResolver } from '../../src/background/resolver-test.js';

describe('"Test this resolver" (the worker side, over the loopback DoH stack)', () => {
  it('asks one question and gives the answer as the evidence shows it', async () => {
    const reply = await testResolver(inject('dohUrl'), 3000);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.lines[0]).toMatch(/^; example\.com SOA → NOERROR \(resolver http:\/\/127\.0\.0\.1:\d+\/dns-query, \d+ ms\)$/);
    expect(reply.lines.some((l) => /^example\.com\. \d+ IN SOA ns\.example\.com\. /.test(l))).toBe(true);
  });

  it('gives the error of a resolver that never answers, and of a URL that is none', async () => {
    const silent = await testResolver(inject('blackholeUrl'), 300);
    expect(silent.ok).toBe(false);
    if (!silent.ok) expect(silent.error).toMatch(/300 ms/);
    const bad = await testResolver('http://dns.example/dns-query', 300);
    expect(bad).toMatchObject({ ok: false });
  });
});
