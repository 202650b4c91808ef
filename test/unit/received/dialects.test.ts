import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/received/index.js';
import type { ReceivedFields } from '../../../src/core/received/types.js';
import { CASES } from '../../fixtures/received/cases.js';

const NULL_FIELDS: Omit<ReceivedFields, 'raw' | 'dateRaw' | 'dialect' | 'warnings'> = {
  helo: null,
  rdns: null,
  ip: null,
  port: null,
  by: null,
  byIp: null,
  via: null,
  with: null,
  id: null,
  for: null,
  date: null,
  tls: null,
  envelopeFrom: null,
  authenticatedSender: null,
  software: null,
};

describe('parseReceived: real dialects', () => {
  it('has a large table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = parseReceived(c.header);
    const { dateRaw, warnings, ...rest } = c.expect;
    const { raw: _raw, dateRaw: gotDateRaw, warnings: gotWarnings, ...gotRest } = got;
    expect(gotRest).toEqual({ ...NULL_FIELDS, ...rest });
    expect(gotWarnings).toEqual(warnings ?? []);
    if (dateRaw !== undefined) expect(gotDateRaw).toBe(dateRaw);
  });
});
