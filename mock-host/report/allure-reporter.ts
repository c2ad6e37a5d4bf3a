// allure-playwright as the harness configures it, with one correction: a scenario failed by its target is marked an
// expected failure (target-failure.ts), which allure-playwright would show as passed. The Allure report shows it failed.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { AllureReporter } from 'allure-playwright';
import { isTargetFailure } from './target-failure.ts';

export default class HarnessAllureReporter extends AllureReporter {
  override onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (!isTargetFailure(test, result)) return super.onTestEnd(test, result);
    // The same test case, read through a view that expected it to pass.
    const expectedToPass: TestCase = Object.create(test, { expectedStatus: { value: 'passed' } });
    return super.onTestEnd(expectedToPass, result);
  }
}
