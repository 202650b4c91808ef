import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/cli/format-text.js';
import { EXPORTERS, renderSummaryText } from '../../../src/core/report/exporters/index.js';
import type { Report } from '../../../src/core/report/types.js';
import { sampleReport } from '../../fixtures/reports/sample-report.js';

/** Values the renderers switch on (a result word, a class name): Hoplens' own, never header text. */
const OWN = new Set([
  'check',
  'result',
  'severity',
  'ipClass',
  'confidence',
  'clockIssue',
  'mode',
  'type',
  'name',
  'version',
  'generatedAt',
  'label',
  'shortLabel',
  'section',
  // The providers' checklist: a provider's id, a requirement's id, its tier and mark.
  'provider',
  'requirement',
  'tier',
  'mark',
  'allSenders',
  'bulk',
]);

/** The sample report with `text` appended to every string that came from the message or DNS. */
function stuffed(text: string): Report {
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return OWN.has(key) ? value : value + text;
    if (Array.isArray(value)) return value.map((v) => visit(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  const r = visit(structuredClone(sampleReport), '') as Report;
  // The question name is DNS text as well; only its type is Hoplens' own.
  for (const c of r.checks) for (const e of c.evidence) e.question.name += text;
  return r;
}

/** C0 but the line breaks a format uses for itself, DEL, C1, and every bidi and line-separator control. */
const RAW = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066\u2067]/;

/** The only bidi controls an output may carry are its own isolates, each FSI closed by a PDI on the same line. */
function isolatesBalanced(text: string): boolean {
  for (const line of text.split(/\r?\n/)) {
    let depth = 0;
    for (const c of line) {
      if (c === '\u2068') depth++;
      else if (c === '\u2069' && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return true;
}

const ATTACKS = [
  'E\x1b[2J\x1b[HSMTP',
  '\x1b]8;;http://evil.example\x07click\x1b]8;;\x07',
  'over\rwrite',
  '\u009b31mred',
  'invoice\u202efdp.exe',
  '\u2066\u2069\u2069\u2068',
  'line\u2028break\nnext',
];

const renderers: [string, (r: Report) => string][] = [
  ...EXPORTERS.map((e) => [e.id, e.render] as [string, (r: Report) => string]),
  ['summary text', renderSummaryText],
  ['CLI text', formatReport],
];

describe('every renderer, fed hostile text in every field', () => {
  it.each(renderers)('%s carries no raw control or bidi character', (_name, render) => {
    for (const attack of ATTACKS) {
      const out = render(stuffed(attack));
      expect(out, attack).not.toMatch(RAW);
      expect(isolatesBalanced(out), attack).toBe(true);
    }
  });

  it.each(renderers)(
    '%s stays inert for any text (fast-check)',
    (_name, render) => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (attack) => {
          const out = render(stuffed(attack));
          expect(out).not.toMatch(RAW);
          expect(isolatesBalanced(out)).toBe(true);
        }),
        { numRuns: 60 },
      );
      // A shared 2-core machine can take seconds for 60 whole reports per renderer.
    },
    30_000,
  );

  it('the CLI shows the markers where the raw characters were', () => {
    const out = formatReport(stuffed(ATTACKS[0]!));
    expect(out).toContain('with ESMTPSAE⟨ESC⟩[2J⟨ESC⟩[HSMTP');
    expect(out).not.toContain('\u2068');
  });

  it('the JSON export still parses to exactly the report', () => {
    const r = stuffed(ATTACKS.join(''));
    expect(JSON.parse(EXPORTERS.find((e) => e.id === 'json')!.render(r))).toEqual(r);
  });
});
