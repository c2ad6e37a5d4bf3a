import { z } from 'zod';
import { referencePluginOptionsSchema, type ReferencePluginOptions } from '../../examples/reference-plugin/options.ts';
import { referenceSettings } from '../reference-target.ts';
import { defineTargetKind } from './simulated-target.ts';

const schema = z
  .strictObject({
    faults: z.array(z.string()).default([]).describe('fault switches of examples/reference-plugin'),
    options: z.record(z.string(), z.unknown()).default({}).describe('other reference-plugin options'),
  })
  .transform((v, ctx) => {
    const checked = referencePluginOptionsSchema.safeParse({ ...v.options, faults: v.faults });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    // The input form: startReferencePlugin applies defaults itself.
    return { ...v.options, faults: checked.data.faults } as ReferencePluginOptions;
  });

/** `target: { reference-plugin: { faults: [...], options: {...} } }`: the bundled plugin with deliberate faults. */
export const referencePluginTarget = defineTargetKind({
  key: 'reference-plugin',
  schema,
  async start(options, base) {
    const { startReferencePlugin } = await import('../../examples/reference-plugin/start.ts');
    const plugin = await startReferencePlugin(options);
    return { origin: plugin.url, settings: referenceSettings({ ...base, url: undefined }, plugin), targetClock: plugin.clock, close: () => plugin.close() };
  },
  describe({ faults = [], ...options }) {
    const shown = Object.entries(options).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
    return `${faults.length ? faults.join(' + ') : 'no fault'}${shown.length ? ` (${shown.join(', ')})` : ''}`;
  },
});
