import type { ToolCallWithoutToken } from '../../../checks/resource-server/tool-auth-challenge.ts';
import { checkToolSecuritySchemes } from '../../../checks/resource-server/tool-security-schemes.ts';
import type { DiscoveryContext } from './discovery-context.ts';

/**
 * Mixed auth (PROTOCOL-MCP.md §1): the server let the host in without a token. A host that reads per-tool
 * `securitySchemes` (ChatGPT) lists the tools without a token and offers its link UI only for tools that declare
 * oauth2: each tool called without a token (mcp-tool-probe.ts) that demands a sign-in must declare it
 * (TOOL_SECURITY_SCHEMES_MISSING). `calls` undefined: the tools could not be listed without a token.
 */
export function checkMixedAuthTools(ctx: DiscoveryContext, calls: readonly ToolCallWithoutToken[] | undefined): void {
  if (!ctx.profile.mcp?.readsToolSecuritySchemes) {
    ctx.findings.skip(checkToolSecuritySchemes, `${ctx.profile.displayName} does not read per-tool securitySchemes`);
    return;
  }
  if (!calls) {
    ctx.findings.skip(checkToolSecuritySchemes, 'the tools could not be listed without a token');
    return;
  }
  const answered = calls.filter((c) => c.status !== undefined);
  ctx.findings.run(checkToolSecuritySchemes, {
    calls: answered.map((c) => ({ tool: c.tool, declaresOAuth: c.declaresOAuth, demandedAuth: c.status === 401 || !!c.signal.authError, exchangeId: c.exchangeId, curl: c.curl })),
  });
}
