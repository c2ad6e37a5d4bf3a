// One scenario as one Playwright test, in a worker: the engine, the browser and the reports meet here. Loaded by the
// scenarioRunner fixture (fixtures.ts), so listing the tests never loads it.
import { test as base, type Browser, type TestInfo } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { HostSession } from '../mock-host/engine/session.ts';
import type { HostProfile } from '../mock-host/profiles/registry.ts';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from '../mock-host/report/scenario-result.ts';
import type { MockHostServer } from '../mock-host/server/mock-host-server.ts';
import type { ConformanceTarget } from './fixtures.ts';
import { runScenario, type ScenarioReporting } from './run-scenario.ts';
import type { ScenarioFile } from './scenario-loader.ts';
import { describeFindings } from './scenario-outcome.ts';
import { openScenarioContext } from './scenario-browser-state.ts';
import { labelFindings } from './allure-findings.ts';
import { markTargetFailure, targetFailure } from '../mock-host/report/target-failure.ts';

const ALLURE_SEVERITY = {
  blocker: allure.Severity.BLOCKER,
  critical: allure.Severity.CRITICAL,
  normal: allure.Severity.NORMAL,
  minor: allure.Severity.MINOR,
  trivial: allure.Severity.TRIVIAL,
} as const;

/**
 * Steps and evidence go to the report; the console gets live progress only for scenarios about the user's target.
 * The simulated bench (well over a hundred scenarios) shows in the console as one line per test.
 */
function playwrightReporting(live: boolean): ScenarioReporting {
  return {
    step: (title, body) => base.step(title, body),
    attach: async (name, body, contentType) => {
      await allure.attachment(name, body, contentType);
    },
    ...(live ? { log: (line: string) => console.log(line) } : {}),
  };
}

/**
 * One scenario as one Playwright test: labels, steps, evidence, and the result handed to the summary reporter.
 * The test fails exactly when the scenario fails; skipped and inconclusive scenarios are skipped with the reason.
 */
export async function runScenarioTest(args: {
  scenario: ScenarioFile;
  target: ConformanceTarget;
  mockHost: MockHostServer;
  browser: Browser;
  testInfo: TestInfo;
  /** The host this test imitates: a simulated scenario's own (its `host:` block), or one of the run's profiles. */
  profile: HostProfile;
}): Promise<void> {
  const { scenario, target, mockHost, browser, testInfo, profile } = args;
  const settings = target.settings;
  await allure.epic(profile.id);
  await allure.feature(scenario.phase);
  await allure.story(scenario.id);
  await allure.severity(ALLURE_SEVERITY[scenario.severity]);
  await allure.parameter('target', target.origin);
  if (scenario.description) await allure.description(scenario.description);
  const session = new HostSession({
    scenario: scenario.id,
    profile,
    settings,
    origin: target.origin,
    hostOrigin: mockHost.origin,
    documents: mockHost,
    ...(target.targetClock ? { targetClock: target.targetClock } : {}),
    ...(target.shared ? { responses: target.shared.responses, registrations: target.shared.registrations } : {}),
  });
  mockHost.track(session);
  // A returning user's browser: signed in once per run and host, unless the scenario is about signing in.
  const scenarioBrowser = await openScenarioContext(browser, { login: settings.login, signIn: scenario.signIn, signIns: target.shared?.signIns, host: profile.id });
  let result: ScenarioResult;
  try {
    result = await runScenario({ scenario, session, context: scenarioBrowser.context, mockHost, reporting: playwrightReporting(scenario.kind === 'conformance') });
  } finally {
    mockHost.untrack(session);
    await session.dispose();
    await scenarioBrowser.close(session.metrics);
  }
  await labelFindings(result.findings);
  await testInfo.attach(SCENARIO_RESULT_ATTACHMENT, { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
  if (result.findings.length) await allure.attachment('findings', describeFindings(result.findings), 'text/plain');
  // The console shows each finding once, with its fix: the console reporter prints them from the result attached above.
  if (result.status === 'skipped' || result.status === 'inconclusive') {
    testInfo.annotations.push({ type: result.status, description: result.reason ?? '' });
    // Playwright knows only "skipped": the tag and the annotation keep "inconclusive" visible in its report and Allure's.
    if (result.status === 'inconclusive') await allure.tag('inconclusive');
    testInfo.skip(true, `${result.status}: ${result.reason ?? ''}`);
  }
  if (result.status === 'failed') {
    const errors = result.findings.filter((f) => f.severity === 'error' || scenario.simulated);
    // A simulated scenario that fails is the harness's own miss, so only a conformance scenario's failure is the target's.
    if (scenario.kind === 'conformance') markTargetFailure(testInfo, result.reason ?? '');
    // The console reporter shows these findings once from the attached result; the message serves the HTML reports.
    throw targetFailure(`${scenario.id} failed: ${result.reason ?? ''}\n\n${describeFindings(errors)}`);
  }
}

