import { describe, expect, it } from 'vitest';
import { countingResolver } from '../../../src/core/dns/counting.js';
import { memoryResolver } from '../../../src/core/dns/memory.js';
import { DnsError, type Resolver } from '../../../src/core/dns/types.js';

describe('countingResolver', () => {
  it('lists each distinct question the resolver gave no answer to, once, with its last error', async () => {
    const zones = memoryResolver({ 'ok.example': [{ type: 'A', data: '192.0.2.1' }], 'bad.example': 'SERVFAIL' });
    let attempt = 0;
    const flaky: Resolver = {
      label: 'flaky',
      async query(name, type, options) {
        if (name.toLowerCase().replace(/\.$/, '') === 'down.example') throw new DnsError('network', `attempt ${++attempt} failed`, { name, type }, 'flaky');
        return zones.query(name, type, options);
      },
    };
    const counting = countingResolver(flaky);
    await counting.query('ok.example', 'A');
    expect((await counting.query('bad.example', 'A')).rcode).toBe('SERVFAIL');
    await expect(counting.query('down.example', 'A')).rejects.toThrow(DnsError);
    await expect(counting.query('Down.Example.', 'A')).rejects.toThrow(DnsError);
    expect(counting.unanswered()).toEqual(['attempt 2 failed']);
    expect(counting.usage()).toMatchObject({ distinctQuestions: 3, queriesSent: 4, unanswered: 1 });
  });

  it('counts a question when asked, so a resolver that does not answer shows as waiting, not as "0 of 0"', async () => {
    let release: () => void = () => {};
    const silent: Resolver = {
      label: 'silent',
      query: (name, type) =>
        new Promise((_, reject) => {
          release = () => reject(new DnsError('timeout', 'no answer', { name, type }, 'silent'));
        }),
    };
    const seen: unknown[] = [];
    const counting = countingResolver(silent, (c) => seen.push({ ...c }));
    const waiting = counting.query('x.example', 'A');
    expect(seen.at(-1)).toEqual({ asked: 1, answered: 0, failed: 0, pending: 1 });
    release();
    await expect(waiting).rejects.toThrow('no answer');
    expect(seen.at(-1)).toEqual({ asked: 1, answered: 0, failed: 1, pending: 0 });
  });

  it('forgets a failure once the same question is answered, and never counts a cancelled lookup', async () => {
    let up = false;
    const recovering: Resolver = {
      label: 'recovering',
      async query(name, type) {
        if (type === 'MX') throw new DnsError('aborted', 'lookup cancelled', { name, type }, 'recovering');
        if (!up) throw new DnsError('timeout', 'no answer', { name, type }, 'recovering');
        return memoryResolver({ 'x.example': [{ type: 'A', data: '192.0.2.1' }] }).query(name, type);
      },
    };
    const counting = countingResolver(recovering);
    await expect(counting.query('x.example', 'A')).rejects.toThrow('no answer');
    expect(counting.unanswered()).toEqual(['no answer']);
    up = true;
    await counting.query('x.example', 'A');
    await expect(counting.query('x.example', 'MX')).rejects.toThrow('cancelled');
    expect(counting.unanswered()).toEqual([]);
    expect(counting.usage().unanswered).toBe(0);
  });
});
