import type { HostLimits, HostTimeouts } from '../host-profile.ts';

/** What every MCP host shares where the sources give no host-specific number (PROTOCOL-MCP.md §7: timeouts UNCONFIRMED). */
export const MCP_HOST_TIMEOUTS: HostTimeouts = { discoveryMs: 10_000, tokenMs: 10_000, apiMs: 60_000, slowApiWarningMs: 10_000, browserNavigationMs: 30_000 };

/** Body caps as for the plugin hosts; the manifest and OpenAPI limits do not apply to MCP (no manifest is read). */
export const MCP_HOST_LIMITS: HostLimits = {
  maxBodyBytes: 2_000_000,
  apiResponseChars: 100_000,
  maxRedirects: 5,
  nameForModelChars: 50,
  nameForHumanChars: 20,
  descriptionForHumanChars: 100,
  descriptionForModelChars: 8_000,
  operationDescriptionChars: 200,
  parameterDescriptionChars: 200,
};

export const MCP_GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
