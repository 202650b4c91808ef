import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import { CASES } from '../../fixtures/received/cases.js';
import { LONG_TAIL } from '../../fixtures/received/long-tail.js';
import { received } from '../../support/builders.js';

/** Every field a case does not name must be null. */
const { raw: _raw, dateRaw: _dateRaw, dialect: _dialect, warnings: _warnings, ...NULL_FIELDS } = received({});

describe('parseReceived: real dialects', () => {
  it('has a large table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each([...CASES, ...LONG_TAIL].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = parseReceived(c.header);
    const { dateRaw, warnings, ...rest } = c.expect;
    const { raw: _raw, dateRaw: gotDateRaw, warnings: gotWarnings, ...gotRest } = got;
    expect(gotRest).toEqual({ ...NULL_FIELDS, ...rest });
    expect(gotWarnings).toEqual(warnings ?? []);
    if (dateRaw !== undefined) expect(gotDateRaw).toBe(dateRaw);
  });
});
