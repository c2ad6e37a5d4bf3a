import type { Request } from 'express';
import type { ServerContext } from './context.ts';
import { HOST_ORIGINS } from './host-callbacks.ts';

/**
 * Streamable HTTP's DNS-rebinding defence: a present Origin must be this server's own or a host web app's. No Origin
 * at all is fine: the hosts call MCP servers from their backends, which send none.
 */
export function originAllowed(ctx: ServerContext, req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined || ctx.has('no-origin-check')) return true;
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  return normalised === ctx.urls.origin || (HOST_ORIGINS as readonly string[]).includes(normalised);
}
