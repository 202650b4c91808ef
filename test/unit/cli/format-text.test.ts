import { describe, expect, it } from 'vitest';
import { formatCheck } from '../../../src/cli/format-text.js';
import type { CheckResult } from '../../../src/core/checks/index.js';

const result = (over: { result?: 'not-checked'; summary?: string; explanation?: string }): CheckResult => ({
  check: 'iprev',
  subject: '10.20.0.15',
  result: 'not-checked',
  severity: 'info',
  summary: '10.20.0.15: reverse DNS not checked',
  explanation: '10.20.0.15 is a private address (RFC 1918): never sent to a resolver',
  advice: [],
  hopIndex: 0,
  details: {},
  evidence: [],
  ...over,
});

describe('formatCheck', () => {
  it('says why a check did not run, as the README promises', () => {
    const lines = formatCheck(result({ result: 'not-checked' }));
    expect(lines[0]).toMatch(/^ {2}NOT-CHECKED +iprev +10\.20\.0\.15: reverse DNS not checked$/);
    expect(lines.slice(1).join(' ')).toContain('is a private address (RFC 1918): never sent to a resolver');
  });
});
