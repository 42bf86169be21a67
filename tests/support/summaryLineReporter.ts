import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI and people can read
 * without knowing vitest's own summary format, after one line per skipped test with its reason.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else {
          skipped++;
          const note = 'note' in result && typeof result.note === 'string' ? ` — skipped: ${result.note}` : '';
          reasons.push(`skipped: ${module.moduleId.replace(process.cwd() + '/', '')} › ${test.fullName}${note}`);
        }
      }
    }
    // Every skip says why, on one line (e.g. the Electron window test where the binary cannot be downloaded).
    for (const reason of reasons) process.stdout.write(`${reason}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
