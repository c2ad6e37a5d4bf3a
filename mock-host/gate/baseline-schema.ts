import { z } from 'zod';
import { BASELINE_FILE_NAME } from '../config/settings.ts';
import { FINDING_CODES, type FindingCode } from '../findings/catalog.ts';

/** One accepted finding: a known problem the team chose to ship with for now, and why. */
export const baselineEntrySchema = z.strictObject({
  // An enum, so the published JSON schema lets editors complete the codes.
  code: z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]], { error: 'unknown finding code (see docs/findings.md)' }).describe('finding code to accept'),
  scenario: z.string().trim().min(1).optional().describe('accept the code only in this scenario (default: in every scenario)'),
  reason: z.string().trim().min(1, 'say why the finding is accepted').describe('why the finding is accepted; shown in the reports'),
  expires: z.iso
    .date('expected a date as YYYY-MM-DD')
    .optional()
    .describe('last day (UTC) the entry counts; from the day after, its findings fail the run again'),
});
export type BaselineEntry = z.infer<typeof baselineEntrySchema>;

/** plugin-conformance.baseline.json. */
export const baselineFileSchema = z.strictObject({
  $schema: z.string().optional().describe('this JSON schema, for editors'),
  accepted: z.array(baselineEntrySchema).describe('findings that do not fail the run; an entry that matches nothing fails it (stale)'),
});
export type BaselineFile = z.infer<typeof baselineFileSchema>;

export function baselineJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(baselineFileSchema, { io: 'input' }) as Record<string, unknown>), title: BASELINE_FILE_NAME };
}

/** How an entry is named in messages: its code, and its scenario when it has one. */
export function describeEntry(entry: Pick<BaselineEntry, 'code' | 'scenario'>): string {
  return entry.scenario ? `${entry.code} in ${entry.scenario}` : entry.code;
}
