import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HostProfile } from '../../profiles/host-profile.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { charCount, showValue } from './show-value.ts';

export type ManifestLimits = Pick<
  HostProfile['limits'],
  'nameForModelChars' | 'nameForHumanChars' | 'descriptionForHumanChars' | 'descriptionForModelChars'
>;

// Docs say letters and digits only; underscores appear in OpenAI's own examples (PROTOCOL.md §1), so they pass.
const NAME_FOR_MODEL = /^[A-Za-z0-9_]+$/;

function field(manifest: unknown, name: string): string | undefined {
  if (!manifest || typeof manifest !== 'object' || !Object.hasOwn(manifest, name)) return undefined;
  const value = (manifest as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * MANIFEST_LIMITS, from the profile's limits. Reads the raw manifest so the limits are reported even when another
 * field breaks the schema. Spec: OpenAI plugins, getting started (field limits).
 */
export const checkManifestLimits = defineCheck<{ manifest: unknown; limits: ManifestLimits; ref: ExchangeRef }>({ id: 'manifest-within-limits', codes: ['MANIFEST_LIMITS'] }, (args) => {
  const { manifest, limits } = args;
  const drafts: FindingDraft[] = [];
  const lengthRules: [string, number, string][] = [
    ['name_for_model', limits.nameForModelChars, 'Shorten it; the model sees it as the namespace of your operations.'],
    ['name_for_human', limits.nameForHumanChars, 'Shorten it; the plugin store shows it under the logo.'],
    ['description_for_human', limits.descriptionForHumanChars, 'Shorten it to one sentence for the plugin store.'],
    ['description_for_model', limits.descriptionForModelChars, 'Trim it; move details into the OpenAPI operation descriptions.'],
  ];
  for (const [name, max, fix] of lengthRules) {
    const value = field(manifest, name);
    if (value === undefined) continue;
    const length = charCount(value);
    if (length > max) {
      drafts.push({
        code: 'MANIFEST_LIMITS',
        message: `${name} is ${length} characters (${showValue(value, 40)}); the host allows ${max}`,
        fix: `${fix} At most ${max} characters.`,
        ...cite(args.ref),
      });
    }
  }
  const nameForModel = field(manifest, 'name_for_model');
  if (nameForModel && !NAME_FOR_MODEL.test(nameForModel)) {
    const bad = [...new Set([...nameForModel].filter((c) => !/[A-Za-z0-9_]/.test(c)))].slice(0, 10);
    drafts.push({
      code: 'MANIFEST_LIMITS',
      message: `name_for_model ${showValue(nameForModel, 40)} contains ${bad.map((c) => JSON.stringify(c)).join(', ')}; only letters, digits and _ are allowed`,
      fix: `Use letters, digits and underscores only, e.g. "${nameForModel.replace(/[^A-Za-z0-9_]+/g, '_').slice(0, limits.nameForModelChars) || 'my_plugin'}".`,
      ...cite(args.ref),
    });
  }
  return drafts;
});
