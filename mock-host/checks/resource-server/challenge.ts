import { defineCheck } from '../../findings/check.ts';
import type { Challenge } from '../../oauth/www-authenticate.ts';

/**
 * The 401 names its metadata: `WWW-Authenticate: Bearer resource_metadata="https://…"` (RFC 9728 §5.1). Without it the
 * host probes the well-known URLs (2025-11-25); without any Bearer challenge it is API_401_WITHOUT_CHALLENGE.
 */
export const checkChallengePointsAtMetadata = defineCheck<{ status: number; challenge?: Challenge; exchangeId: string; curl: string }>(
  { id: 'mcp-challenge-points-at-metadata', codes: ['CHALLENGE_NO_RESOURCE_METADATA', 'API_401_WITHOUT_CHALLENGE'] },
  ({ status, challenge, exchangeId, curl }) => {
    if (status !== 401) return [];
    const cite = { evidence: [exchangeId], reproduce: curl };
    if (!challenge) {
      return [{ code: 'API_401_WITHOUT_CHALLENGE', message: 'the 401 to the unauthenticated MCP request has no WWW-Authenticate: Bearer challenge', fix: 'Send WWW-Authenticate: Bearer resource_metadata="<origin>/.well-known/oauth-protected-resource<path>" with every 401 (RFC 6750 §3, RFC 9728 §5.1).', ...cite }];
    }
    const pointer = challenge.params.resource_metadata;
    if (pointer && URL.canParse(pointer) && /^https?:$/.test(new URL(pointer).protocol)) return [];
    return [
      {
        code: 'CHALLENGE_NO_RESOURCE_METADATA',
        message: pointer ? `the challenge's resource_metadata "${pointer.slice(0, 200)}" is not an absolute http(s) URL` : 'the 401 Bearer challenge has no resource_metadata parameter; hosts must guess the metadata URL',
        fix: 'Add resource_metadata="<absolute URL of your protected resource metadata>" to the Bearer challenge of every 401.',
        ...cite,
      },
    ];
  },
);
