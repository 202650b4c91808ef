import { describe, expect, it } from 'vitest';
import type { AnyVerdict } from '../../../src/core/checks/types.js';
import { countByResult, groupBySender, worstSeverity } from '../../../src/ui/report/check-groups.js';

const result = (check: string, hopIndex: number | null, word: string, severity: AnyVerdict['severity']): AnyVerdict => ({
  check,
  subject: `${check}@${hopIndex}`,
  result: word,
  severity,
  summary: '',
  explanation: '',
  advice: [],
  hopIndex,
  details: {},
  evidence: [],
});

const checks = [
  result('iprev', 2, 'fail', 'error'),
  result('mx', null, 'pass', 'ok'),
  result('iprev', 0, 'not-checked', 'info'),
  result('iprev', 4, 'temperror', 'warning'),
  result('iprev', 1, 'not-checked', 'info'),
];

describe('grouping check results by whom they are about', () => {
  it('keeps the sender hop and whole-message results first, with their place in the report', () => {
    const { sender, others } = groupBySender(checks, 2);
    expect(sender.map((c) => c.position)).toEqual([0, 1]);
    expect(others.map((c) => c.position)).toEqual([2, 3, 4]);
    expect(sender[0]!.result.result).toBe('fail');
  });

  it("puts a forward's original sender's results in a group of their own", () => {
    const { sender, original, others } = groupBySender(checks, 2, 0);
    expect(sender.map((c) => c.position)).toEqual([0, 1]);
    expect(original.map((c) => c.position)).toEqual([2]);
    expect(others.map((c) => c.position)).toEqual([3, 4]);
  });

  it('folds nothing away when there is no sender hop', () => {
    const { sender, others } = groupBySender(checks, null);
    expect(sender).toHaveLength(checks.length);
    expect(others).toEqual([]);
  });

  it('counts result words in order of appearance and finds the worst severity', () => {
    const { others } = groupBySender(checks, 2);
    expect(countByResult(others)).toEqual([
      { result: 'not-checked', count: 2 },
      { result: 'temperror', count: 1 },
    ]);
    expect(worstSeverity(others)).toBe('warning');
    expect(worstSeverity(groupBySender(checks, null).sender)).toBe('error');
  });
});
