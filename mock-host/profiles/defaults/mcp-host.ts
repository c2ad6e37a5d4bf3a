import type { HostLimits, HostTimeouts } from '../host-profile.ts';
import { PLUGIN_HOST_LIMITS } from './host-limits.ts';

/** What every MCP host shares where the sources give no host-specific number (PROTOCOL-MCP.md §7: timeouts UNCONFIRMED). */
export const MCP_HOST_TIMEOUTS: HostTimeouts = { discoveryMs: 10_000, tokenMs: 10_000, apiMs: 60_000, slowApiWarningMs: 10_000, browserNavigationMs: 30_000 };

/** Body caps as for the plugin hosts; the manifest and OpenAPI limits do not apply to MCP (no manifest is read). */
export const MCP_HOST_LIMITS: HostLimits = PLUGIN_HOST_LIMITS;

export const MCP_GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
