import type { DiscoveryContext, DiscoveryResult } from '../profiles/defaults/discovery/discovery-context.ts';

export type { DiscoveryContext, DiscoveryResult } from '../profiles/defaults/discovery/discovery-context.ts';

/** `https://example.com/` → `https://example.com`; a path prefix is kept (the manifest, or the MCP endpoint, is under PLUGIN_URL). */
function normalisedOrigin(origin: string): string | undefined {
  if (!URL.canParse(origin)) return undefined;
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The host's discover step, by the profile's discovery strategy: what it fetches and checks before an install, as
 * findings, and the target the later steps use. The target is attacker-controlled, so nothing here throws: every failure is a finding, and a
 * failure the lifecycle cannot get past is also the one-line `fatal`.
 */
export async function discover(ctx: DiscoveryContext): Promise<DiscoveryResult> {
  const origin = normalisedOrigin(ctx.origin);
  if (!origin) return { fatal: `the target origin ${JSON.stringify(ctx.origin.slice(0, 200))} is not an http(s) URL` };
  try {
    return await ctx.profile.flow.discovery.discover({ ...ctx, origin });
  } catch (err) {
    // A bug of ours meeting odd input; the run reports it instead of dying with a stack trace.
    return { fatal: `discovery stopped on an internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}
