import { z } from 'zod';
import { referenceMcpServerOptionsSchema, type ReferenceMcpServerOptions } from '../../examples/reference-mcp-server/options.ts';
import { startReferenceMcpTarget } from '../reference-target.ts';
import { defineTargetKind } from './simulated-target.ts';

const schema = z
  .strictObject({
    faults: z.array(z.string()).default([]).describe('fault switches of examples/reference-mcp-server (its README lists them)'),
    options: z.record(z.string(), z.unknown()).default({}).describe('other reference MCP server options'),
  })
  .transform((v, ctx) => {
    const checked = referenceMcpServerOptionsSchema.safeParse({ ...v.options, faults: v.faults });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    // The input form: the server applies its defaults itself.
    return { ...v.options, faults: checked.data.faults } as ReferenceMcpServerOptions;
  });

/** `target: { reference-mcp-server: { faults: [...], options: {...} } }`: the bundled MCP server with deliberate faults. */
export const referenceMcpServerTarget = defineTargetKind({
  key: 'reference-mcp-server',
  schema,
  start: (options, base) => startReferenceMcpTarget({ ...base, url: undefined }, options),
  describe({ faults = [], ...options }) {
    const shown = Object.entries(options).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
    return `MCP server: ${faults.length ? faults.join(' + ') : 'no fault'}${shown.length ? ` (${shown.join(', ')})` : ''}`;
  },
});
