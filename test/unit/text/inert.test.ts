import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FSI, inertJson, inertParts, isolate, markerName, PDI, visible } from '../../../src/core/text/inert.js';

/** Every character the module must never let through raw. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('inert text', () => {
  it('shows terminal escapes, line breaks and bidi controls as named markers', () => {
    expect(visible('E\x1b[2J\x1b[HSMTP')).toBe('E⟨ESC⟩[2J⟨ESC⟩[HSMTP');
    expect(visible('a\rb\nc\x07\x00\x7f')).toBe('a⟨CR⟩b⟨LF⟩c⟨BEL⟩⟨NUL⟩⟨DEL⟩');
    expect(visible('x\u009b2Jy\u009d8;;http://evil.example\u009c')).toBe('x⟨CSI⟩2Jy⟨OSC⟩8;;http://evil.example⟨ST⟩');
    expect(visible('report\u202efdp.exe')).toBe('report⟨RLO⟩fdp.exe');
    expect(visible('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029')).toBe(
      '⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩⟨LRM⟩⟨RLM⟩⟨ALM⟩⟨LSEP⟩⟨PSEP⟩',
    );
    // Folding leaves tabs in header values: spacing, shown as a space.
    expect(visible('from a\tby b')).toBe('from a by b');
    expect(visible('mail.example.com — Grüße, 日本, مرحبا')).toBe('mail.example.com — Grüße, 日本, مرحبا');
    expect(markerName('\u0085')).toBe('NEL');
  });

  it('isolates a field in FSI…PDI, with its own controls made visible', () => {
    expect(isolate('abc\u202e')).toBe(`${FSI}abc⟨RLO⟩${PDI}`);
    expect(isolate('')).toBe(`${FSI}${PDI}`);
  });

  it('splits text into literal runs and markers that join back to visible()', () => {
    expect(inertParts('a\x1bb')).toEqual([
      { text: 'a', marker: false },
      { text: '⟨ESC⟩', marker: true, name: 'ESC' },
      { text: 'b', marker: false },
    ]);
    expect(inertParts('')).toEqual([{ text: '', marker: false }]);
  });

  it('never lets an unsafe character through, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(visible(s)).not.toMatch(UNSAFE);
        expect(
          inertParts(s)
            .map((p) => p.text)
            .join(''),
        ).toBe(visible(s));
        const sealed = isolate(s);
        expect(sealed.slice(1, -1)).not.toMatch(UNSAFE);
        expect(visible(visible(s))).toBe(visible(s));
      }),
    );
    // Generous: the 2-core machine the suite runs on may be shared.
  }, 30_000);

  it('writes JSON that parses back to the same data and shows no control character raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const json = inertJson(JSON.stringify({ s }, null, 2));
        expect(JSON.parse(json)).toEqual({ s });
        expect(json.replace(/\n/g, '')).not.toMatch(UNSAFE);
      }),
    );
  }, 30_000);
});
