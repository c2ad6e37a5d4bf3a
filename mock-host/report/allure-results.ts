import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/config-error.ts';
import { SCENARIO_RESULT_ATTACHMENT } from './scenario-result.ts';
import type { TestOutcome } from './scenario-outcome.ts';

const attachmentSchema = z.object({ name: z.string(), source: z.string(), type: z.string().optional() });
type AllureAttachment = z.infer<typeof attachmentSchema>;
interface AllureStep {
  attachments?: AllureAttachment[] | undefined;
  steps?: AllureStep[] | undefined;
}
const stepSchema: z.ZodType<AllureStep> = z.lazy(() =>
  z.object({ attachments: z.array(attachmentSchema).optional(), steps: z.array(stepSchema).optional() }),
);
const nameValue = z.object({ name: z.string(), value: z.string() });

/** The part of an Allure result file (allure-playwright's `<uuid>-result.json`) a merge needs. */
const allureResultSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  historyId: z.string().optional(),
  status: z.enum(['passed', 'failed', 'broken', 'skipped', 'unknown']).optional(),
  statusDetails: z.object({ message: z.string().optional() }).optional(),
  start: z.number().optional(),
  stop: z.number().optional(),
  parameters: z.array(nameValue).optional(),
  labels: z.array(nameValue).optional(),
  attachments: z.array(attachmentSchema).optional(),
  steps: z.array(stepSchema).optional(),
});

export interface AllureTest {
  /** Same test in two result sets (a rerun shard): the later one wins. */
  key: string;
  start: number;
  stop: number;
  outcome: TestOutcome;
}

const STATUS: Record<NonNullable<z.infer<typeof allureResultSchema>['status']>, TestOutcome['status']> = {
  passed: 'passed',
  failed: 'failed',
  broken: 'failed',
  skipped: 'skipped',
  unknown: 'interrupted',
};

/** allure-playwright turns testInfo.attach() into a step holding the attachment, so look at every level. */
function scenarioAttachments(steps: readonly AllureStep[], own: readonly AllureAttachment[]): AllureAttachment[] {
  const found = own.filter((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
  for (const step of steps) found.push(...scenarioAttachments(step.steps ?? [], step.attachments ?? []));
  return found;
}

/**
 * Reads the tests of one allure-results directory as the summary reporter saw them in the run, so a merge can
 * rebuild summary.json with the same pure functions. A file that is not a valid result is bad input (exit 2).
 */
export function readAllureTests(resultsDir: string): AllureTest[] {
  return readdirSync(resultsDir)
    .filter((name) => name.endsWith('-result.json'))
    .map((name) => {
      const file = join(resultsDir, name);
      let parsed: ReturnType<typeof allureResultSchema.safeParse>;
      try {
        parsed = allureResultSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      } catch (err) {
        throw new ConfigError(`${file}: is not JSON (${(err as Error).message})`);
      }
      if (!parsed.success) throw new ConfigError(`${file}: not an Allure result:\n${z.prettifyError(parsed.error)}`);
      const r = parsed.data;
      const project = r.parameters?.find((p) => p.name === 'Project')?.value ?? r.labels?.find((l) => l.name === 'parentSuite')?.value;
      const status = STATUS[r.status ?? 'unknown'];
      const message = r.statusDetails?.message;
      const outcome: TestOutcome = {
        title: r.name,
        ...(project ? { projectName: project } : {}),
        status,
        durationMs: Math.max(0, (r.stop ?? 0) - (r.start ?? 0)),
        attachments: scenarioAttachments(r.steps ?? [], r.attachments ?? []).map((a) => ({
          name: a.name,
          contentType: a.type ?? 'application/json',
          path: join(resultsDir, a.source),
        })),
        ...(message && status !== 'skipped' ? { error: message } : {}),
        ...(message && status === 'skipped' ? { skipReason: message } : {}),
      };
      return { key: `${project ?? ''}\u0000${r.historyId ?? r.uuid}`, start: r.start ?? 0, stop: r.stop ?? 0, outcome };
    });
}
