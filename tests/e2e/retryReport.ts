// Names every browser test that passed only when run again, at the end of the run, so a retry is
// seen and counted rather than hidden (see vitest.e2e.config.ts for why there is one).
import type { Reporter, TestCase } from 'vitest/node';

export default class RetryReport implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const d = test.diagnostic();
    if (d && d.retryCount > 0) this.retried.push(`${test.module.moduleId.replace(/^.*\/tests\/e2e\//, '')} › ${test.fullName}: ${test.result().state} after ${d.retryCount + 1} runs`);
  }

  onTestRunEnd(): void {
    if (!this.retried.length) {
      console.log('\nbrowser tests run again: none');
      return;
    }
    console.log(`\nbrowser tests run again: ${this.retried.length}\n${this.retried.map((r) => `  ${r}`).join('\n')}`);
  }
}
