import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpf } from '../../../src/core/checks/spf/check-spf.js';
import { expandDomain } from '../../../src/core/checks/spf/domain.js';
import { MAX_EXPLANATION } from '../../../src/core/checks/spf/explanation.js';
import { parseMacroString, type MacroValues } from '../../../src/core/checks/spf/macro.js';
import { memoryResolver, type MemoryZone } from '../../../src/core/dns/memory.js';
import { costRatio } from '../../support/scaling.js';

const IP = '192.0.2.10';

/** A record whose one term expands the local part `count` times. */
function bombZone(count: number): MemoryZone {
  return {
    'bomb.example': [{ type: 'TXT', data: `v=spf1 exists:${'%{l1r}'.repeat(count)}.x.bomb.example -all` }],
  };
}

describe('SPF macro expansion bomb (RFC 5321 §4.5.3.1, RFC 7208 §7.3)', () => {
  it('refuses to expand a local part longer than 64 octets: permerror, without building the name', async () => {
    const resolver = memoryResolver(bombZone(12_000));
    const spf = await checkSpf({ ip: IP, mailFrom: `${'a'.repeat(100_000)}@bomb.example`, helo: 'mail.bomb.example' }, resolver);
    expect(spf.result).toBe('permerror');
    expect(spf.problem).toMatchObject({ kind: 'overlong-input', macro: '%{l}', octets: 100_000, limit: 64 });
    expect(spf.reason).toContain('RFC 5321');
  });

  it('expands a 64-octet local part in a huge record in time linear in the record', async () => {
    const run = async (count: string) => {
      const spf = await checkSpf({ ip: IP, mailFrom: `${'a'.repeat(64)}@bomb.example`, helo: 'mail.bomb.example' }, memoryResolver(bombZone(Number(count))));
      expect(spf.result).toBe('fail');
    };
    // Four times the macros cost about four times as much (quadratic would be sixteen).
    expect(await costRatio(run, '2000', '8000')).toBeLessThan(9);
  });

  it('cuts the expanded name to 253 characters as §7.3 says, and looks that up', async () => {
    const resolver = memoryResolver({ 'bomb.example': [{ type: 'TXT', data: `v=spf1 exists:${'%{l}.'.repeat(12_000)}x.bomb.example -all` }] });
    const asked: string[] = [];
    const spy = {
      label: resolver.label,
      query: (name: string, type: Parameters<typeof resolver.query>[1]) => {
        asked.push(name);
        return resolver.query(name, type);
      },
    };
    await checkSpf({ ip: IP, mailFrom: 'ab@bomb.example', helo: 'mail.bomb.example' }, spy);
    const looked = asked.find((n) => n.endsWith('.x.bomb.example'))!;
    expect(looked.length).toBeLessThanOrEqual(253);
    expect(looked.length).toBeGreaterThan(240);
  });

  it('keeps exactly the labels the RFC keeps, for any expansion (fast-check against the plain algorithm)', async () => {
    const values = (localPart: string): MacroValues => ({
      sender: `${localPart}@bomb.example`,
      localPart,
      senderDomain: 'bomb.example',
      domain: 'bomb.example',
      ipDotted: '192.0.2.10',
      ipText: '192.0.2.10',
      ipVersion: 4,
      helo: 'mail.bomb.example',
      receiver: 'unknown',
      timestamp: 0,
      validatedName: async () => 'unknown',
    });
    /** §7.3 as written: drop the trailing dot, then labels from the left while longer than 253. */
    const plain = (full: string): string => {
      let name = full.endsWith('.') ? full.slice(0, -1) : full;
      while (name.length > 253 && name.includes('.')) name = name.slice(name.indexOf('.') + 1);
      return name.toLowerCase();
    };
    const label = fc.stringMatching(/^[a-z0-9]{1,63}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(label, { maxLength: 6 }).map((l) => l.join('.')),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (local, times, dot) => {
          const spec = `${'%{l}.'.repeat(times)}x.bomb.example${dot ? '.' : ''}`;
          const full = `${`${local}.`.repeat(times)}x.bomb.example${dot ? '.' : ''}`;
          const expected = plain(full);
          const got = await expandDomain(parseMacroString(spec, 'domain'), values(local.slice(0, 64)));
          if (local.length <= 64) {
            if (expected.length <= 253) expect(got).toBe(expected);
            else expect(got.length).toBeGreaterThan(253);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('SPF explanation bomb (RFC 7208 §6.2)', () => {
  const zone: MemoryZone = {
    'exp.example': [{ type: 'TXT', data: 'v=spf1 -all exp=why.exp.example' }],
    // 6,000 macros of a 320-character sender each: about 2 MB, and a few of these make hundreds.
    'why.exp.example': [{ type: 'TXT', data: `Denied ${'%{s}'.repeat(6000)}` }],
  };

  it(`cuts the explanation at ${MAX_EXPLANATION} characters; the verdict stays fail`, async () => {
    const spf = await checkSpf({ ip: IP, mailFrom: `${'b'.repeat(64)}@exp.example`, helo: 'mail.exp.example' }, memoryResolver(zone));
    expect(spf.result).toBe('fail');
    expect(spf.explanation!.length).toBeLessThanOrEqual(MAX_EXPLANATION + 1);
    expect(spf.explanation!.startsWith('Denied ')).toBe(true);
    expect(spf.trace.some((t) => t.note.includes(`cut at ${MAX_EXPLANATION}`))).toBe(true);
    expect(JSON.stringify(spf).length).toBeLessThan(10_000);
  });

  it('leaves the explanation out, and does not throw, when it would expand an over-long input', async () => {
    const spf = await checkSpf({ ip: IP, mailFrom: `${'b'.repeat(70_000)}@exp.example`, helo: 'mail.exp.example' }, memoryResolver(zone));
    expect(spf.result).toBe('fail');
    expect(spf.explanation).toBeNull();
    expect(spf.trace.some((t) => t.note.startsWith('explanation left out'))).toBe(true);
  });

  // 150 whole SPF evaluations with an explanation each: seconds on a shared 2-core machine.
  it('throws only for a bad IP: any sender, HELO and explanation text give a result (fast-check)', { timeout: 60_000 }, async () => {
    const text = fc.string({ unit: 'binary', maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        fc.array(fc.constantFrom('%{s}', '%{l}', '%{h}', '%{o}', '%{d}', '%{i}', 'x', ' ', '%%'), { maxLength: 50 }),
        fc.integer({ min: 0, max: 400 }),
        async (local, helo, parts, pad) => {
          const z: MemoryZone = {
            'exp.example': [{ type: 'TXT', data: 'v=spf1 -all exp=why.exp.example' }],
            'why.exp.example': [{ type: 'TXT', data: parts.join('') }],
          };
          const spf = await checkSpf({ ip: IP, mailFrom: `${local}${'c'.repeat(pad)}@exp.example`, helo }, memoryResolver(z));
          expect(['none', 'neutral', 'pass', 'fail', 'softfail', 'temperror', 'permerror']).toContain(spf.result);
          expect((spf.explanation ?? '').length).toBeLessThanOrEqual(MAX_EXPLANATION + 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
