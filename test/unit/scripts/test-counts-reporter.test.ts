import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import TestCountsReporter from '../../../scripts/test-counts-reporter.mjs';

const testModule = (state: string, tests: string[]) => ({
  state: () => state,
  children: {
    *allTests() {
      for (const t of tests) yield { result: () => ({ state: t }) };
    },
  },
});

describe('the counts behind npm test’s closing line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoplens-counts-'));
  afterEach(() => vi.unstubAllEnvs());

  it('counts passed, failed and skipped tests, and a file that failed to load as broken, into the file it was given and nowhere it names', () => {
    const file = join(dir, 'counts.json');
    vi.stubEnv('HOPLENS_TEST_COUNTS', file);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    new TestCountsReporter().onTestRunEnd(
      [testModule('passed', ['passed', 'passed', 'skipped']), testModule('failed', ['passed', 'failed']), testModule('failed', [])],
      [],
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ passed: 3, failed: 1, skipped: 1, brokenFiles: 1, unhandledErrors: 0 });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });
});
