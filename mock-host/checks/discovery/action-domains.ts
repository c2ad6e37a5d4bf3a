import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { HostProfile } from '../../profiles/host-profile.ts';
import { hostOf, isExemptHost, registrableDomain } from '../../plugin/root-domain.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

/**
 * ACTION_DOMAIN_MISMATCH: "Authorization URL, Token URL, and API hostname must share a root domain", except the
 * profile's exempt sign-in domains (Google, Microsoft, Adobe). Root domain = last two labels (see root-domain.ts).
 * Spec: GPT Actions, production (OAuth domain rule).
 */
export const checkActionDomains = defineCheck<{
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
  rule: HostProfile['oauthDomainRule'];
  ref: ExchangeRef;
}>({ id: 'action-oauth-on-api-domain', codes: ['ACTION_DOMAIN_MISMATCH'] }, (args) => {
  if (!args.rule.required) return [];
  const apiHost = hostOf(args.apiUrl);
  if (!apiHost) return [];
  const apiRoot = registrableDomain(apiHost);
  const drafts: FindingDraft[] = [];
  for (const [label, url] of [['Authorization URL', args.authorizeUrl], ['Token URL', args.tokenUrl]] as const) {
    const host = hostOf(url);
    if (!host || isExemptHost(host, args.rule.exemptDomains)) continue;
    const root = registrableDomain(host);
    if (root === apiRoot) continue;
    drafts.push({
      code: 'ACTION_DOMAIN_MISMATCH',
      message: `${label} ${clipText(url)} is on ${root}, but the API host ${apiHost} is on ${apiRoot}; the GPT editor refuses this ("must share a root domain")`,
      fix: `Serve the OAuth endpoints under ${apiRoot} (e.g. a proxy at auth.${apiRoot} in front of your identity provider), or use an exempt provider domain (${args.rule.exemptDomains.join(', ')}).`,
      ...cite(args.ref),
    });
  }
  return drafts;
});
