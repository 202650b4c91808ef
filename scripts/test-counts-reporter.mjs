// A vitest reporter for scripts/test.mjs: the run's counts, written to the file named by
// HOPLENS_TEST_COUNTS for the closing "N passed, N failed" line. vitest's own JSON reporter
// would do it too, but it prints the path of a file that test.mjs then deletes.
import { writeFileSync } from 'node:fs';

export default class TestCountsReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0, unhandledErrors: unhandledErrors.length };
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedHere++;
        else counts.skipped++;
      }
      counts.failed += failedHere;
      // A file that fails to load counts no test but must still fail the run.
      if (module.state() === 'failed' && failedHere === 0) counts.brokenFiles++;
    }
    writeFileSync(process.env.HOPLENS_TEST_COUNTS, JSON.stringify(counts));
  }
}
