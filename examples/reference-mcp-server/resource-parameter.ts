import type { ServerContext } from './context.ts';
import { hasPath, sameResource } from './resource-indicator.ts';
import type { TokenError } from './token-errors.ts';

/** The `resource` parameters of a token request (RFC 8707 §2.2): optional, but each must name the MCP endpoint. */
export function checkResources(ctx: ServerContext, resources: readonly string[]): TokenError | undefined {
  for (const resource of resources) {
    if (ctx.has('resource-with-path-rejected') && hasPath(resource)) return { error: 'invalid_target', description: `unknown resource ${resource}` };
    if (!sameResource(resource, ctx.urls.mcp)) return { error: 'invalid_target', description: `resource must be ${ctx.urls.mcp}` };
  }
  return undefined;
}
