import { z } from 'zod';
import { referenceMcpServerOptionsSchema, type ReferenceMcpServerOptions } from '../../examples/reference-mcp-server/options.ts';
import { startReferenceMcpTarget } from '../reference-target.ts';
import { defineTargetKind } from './simulated-target.ts';

const schema = z
  .strictObject({
    faults: z.array(z.string()).default([]).describe('fault switches of examples/reference-mcp-server (its README lists them)'),
    options: z.record(z.string(), z.unknown()).default({}).describe('other reference MCP server options'),
    'pre-registered-client': z
      .string()
      .min(1)
      .optional()
      .describe('the id of one of the server\'s pre-registered clients the host uses (PLUGIN_CLIENT_ID, and its secret as PLUGIN_CLIENT_SECRET), as when a developer enters one'),
  })
  .transform((v, ctx) => {
    const checked = referenceMcpServerOptionsSchema.safeParse({ ...v.options, faults: v.faults });
    if (!checked.success) {
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    // The input form: the server applies its defaults itself.
    const client = v['pre-registered-client'];
    if (client !== undefined && !checked.data.preRegisteredClients.some((c) => c.clientId === client)) {
      ctx.addIssue({ code: 'custom', path: ['pre-registered-client'], message: `${client} is none of the server's pre-registered clients (${checked.data.preRegisteredClients.map((c) => c.clientId).join(', ')})` });
      return z.NEVER;
    }
    return { server: { ...v.options, faults: checked.data.faults } as ReferenceMcpServerOptions, ...(client !== undefined ? { preRegisteredClient: client } : {}) };
  });

/** `target: { reference-mcp-server: { faults: [...], options: {...} } }`: the bundled MCP server with deliberate faults. */
export const referenceMcpServerTarget = defineTargetKind({
  key: 'reference-mcp-server',
  schema,
  start: (spec, base) => startReferenceMcpTarget({ ...base, url: undefined }, spec.server, spec.preRegisteredClient !== undefined ? { preRegisteredClient: spec.preRegisteredClient } : {}),
  describe({ server: { faults = [], ...options }, preRegisteredClient }) {
    const shown = Object.entries(options).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
    return `MCP server: ${faults.length ? faults.join(' + ') : 'no fault'}${shown.length ? ` (${shown.join(', ')})` : ''}${preRegisteredClient ? `; pre-registered client ${preRegisteredClient}` : ''}`;
  },
});
