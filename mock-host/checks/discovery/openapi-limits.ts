import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HostProfile } from '../../profiles/host-profile.ts';
import type { OpenApiSpec } from '../../plugin/openapi.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { capDrafts } from './cap-drafts.ts';
import { charCount, clipText, showValue } from './show-value.ts';

export type OpenApiLimits = Pick<HostProfile['limits'], 'operationDescriptionChars' | 'parameterDescriptionChars'>;

/**
 * OPENAPI_LIMITS, one draft per field over the profile's limit.
 * Spec: OpenAI plugins, getting started (200 chars) / GPT Actions, production (300 / 700 chars).
 */
export const checkOpenApiLimits = defineCheck<{ spec: OpenApiSpec; limits: OpenApiLimits; ref: ExchangeRef }>({ id: 'openapi-within-limits', codes: ['OPENAPI_LIMITS'] }, (args) => {
  const { limits } = args;
  const drafts: FindingDraft[] = [];
  const over = (where: string, text: string | undefined, max: number, fix: string): void => {
    if (text === undefined) return;
    const length = charCount(text);
    if (length <= max) return;
    drafts.push({
      code: 'OPENAPI_LIMITS',
      message: `${where} is ${length} characters (${showValue(text, 40)}); the host allows ${max}`,
      fix: `${fix} At most ${max} characters; the host cuts or rejects longer text.`,
      ...cite(args.ref),
    });
  };
  for (const op of args.spec.operations) {
    const name = `${clipText(op.operationId, 60)} (${op.method} ${clipText(op.path, 60)})`;
    over(`the summary of ${name}`, op.summary, limits.operationDescriptionChars, 'Shorten the summary.');
    over(`the description of ${name}`, op.description, limits.operationDescriptionChars, 'Shorten the description; put long guidance in description_for_model.');
    for (const p of op.parameters) {
      over(`the description of ${clipText(p.in, 20)} parameter "${clipText(p.name, 40)}" of ${name}`, p.description, limits.parameterDescriptionChars, 'Shorten the parameter description.');
    }
  }
  return capDrafts(drafts, 'descriptions over the limit');
});
