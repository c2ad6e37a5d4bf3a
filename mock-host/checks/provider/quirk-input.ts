import type { FindingDraft } from '../../findings/finding.ts';
import type { ProviderId } from '../../model/provider-id.ts';

export interface ProviderQuirkInput {
  provider: ProviderId;
  /** The authorization page (manifest client_url), as configured. */
  authorizeUrl: string;
  /** The scope the host sends. */
  scope: string;
  /** The token endpoint; when given, response-shape quirks fire only for the provider's own endpoint, not a proxy. */
  tokenUrl?: string;
  /** Raw body of the code-exchange response, when there was one. */
  tokenResponseBody?: string;
  /** An MCP server's authorization server (the host builds the request from metadata) or a legacy plugin's; default plugin. */
  protocol?: 'plugin' | 'mcp';
  /** The exchange that shows the consequence (usually the code exchange). */
  exchangeId?: string;
}

export function quirkDraft(input: ProviderQuirkInput, draft: Omit<FindingDraft, 'evidence' | 'reproduce'>): FindingDraft {
  return { ...draft, ...(input.exchangeId ? { evidence: [input.exchangeId] } : {}) };
}
