import { createHash, randomUUID } from 'node:crypto';
import type { Finding } from '../findings/finding.ts';
import type { RecordedExchange } from '../recorder/exchange.ts';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from '../report/scenario-result.ts';
import type { StepRecord } from './step-log.ts';

interface Attachment {
  name: string;
  source: string;
  type: string;
}

type AllureStatus = 'passed' | 'failed' | 'skipped';

interface AllureStep {
  name: string;
  status: AllureStatus;
  statusDetails?: { message: string };
  stage: 'finished';
  start: number;
  stop: number;
  attachments: Attachment[];
  steps: never[];
  parameters: never[];
}

const STATUS: Record<ScenarioResult['status'], AllureStatus> = { passed: 'passed', failed: 'failed', skipped: 'skipped', inconclusive: 'skipped' };

/**
 * The debugger session as one Allure test, the format allure-playwright writes: each step a test step with its
 * outcome, its exchanges and its findings attached, as `npm test` attaches them; and the scenario result attached
 * under the name the summary reporter and `merge` read, so the session merges into a run's reports like a test.
 * Everything given here is already redacted.
 */
export function sessionAllureFiles(args: {
  result: ScenarioResult;
  steps: readonly StepRecord[];
  exchanges: readonly RecordedExchange[];
  findings: readonly Finding[];
  started: number;
}): Record<string, string> {
  const { result, steps, exchanges, findings } = args;
  const uuid = randomUUID();
  const files: Record<string, string> = {};
  const attach = (name: string, body: string, type: string, ext: string): Attachment => {
    const source = `${uuid}-${Object.keys(files).length + 1}-attachment.${ext}`;
    files[source] = body;
    return { name, source, type };
  };
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const allureSteps = steps.map((record): AllureStep => {
    const own = exchanges.slice(record.exchanges.from, record.exchanges.to ?? exchanges.length);
    const found = findings.slice(record.findings.from, record.findings.to ?? findings.length);
    const stopped = record.status === 'stopped';
    return {
      name: record.title,
      status: !stopped ? 'passed' : record.abort?.outcome === 'failed' || record.harnessError ? 'failed' : 'skipped',
      ...(record.note && stopped ? { statusDetails: { message: record.note } } : {}),
      stage: 'finished',
      start: record.realStart,
      stop: record.realStop ?? record.realStart,
      attachments: [
        ...(record.note ? [attach('outcome', record.note, 'text/plain', 'txt')] : []),
        ...own.map((x) => attach(`HTTP ${x.id} ${x.request.method} ${x.label} → ${x.response?.status ?? x.error?.kind}`, json(x), 'application/json', 'json')),
        ...(found.length ? [attach('findings of this step', json(found), 'application/json', 'json')] : []),
      ],
      steps: [],
      parameters: [],
    };
  });
  const historyId = createHash('md5').update(`plugin-conformance:debugger:${result.target.profile}:${result.id}`).digest('hex');
  const resultFile = {
    uuid,
    historyId,
    testCaseId: historyId,
    name: `${result.target.profile} › ${result.id}: ${result.title}`,
    fullName: `plugin-conformance:debugger:${result.target.profile}:${result.id}`,
    status: STATUS[result.status],
    ...(result.reason ? { statusDetails: { message: result.reason } } : {}),
    stage: 'finished',
    start: args.started,
    stop: Date.now(),
    description: `A session of the mock host's debugger against ${result.target.url}, as ${result.target.profile}.`,
    labels: [
      { name: 'epic', value: result.target.profile },
      { name: 'feature', value: 'debugger' },
      { name: 'story', value: result.id },
      { name: 'suite', value: 'debugger' },
      { name: 'framework', value: 'plugin-conformance' },
    ],
    // The project a merge files it under: a conformance test against the target.
    parameters: [{ name: 'Project', value: 'conformance' }, { name: 'target', value: result.target.url }],
    attachments: [attach(SCENARIO_RESULT_ATTACHMENT, json(result), 'application/json', 'json')],
    steps: allureSteps,
  };
  files[`${uuid}-result.json`] = `${json(resultFile)}\n`;
  return files;
}
