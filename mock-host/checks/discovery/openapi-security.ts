import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { AuthConfig } from '../../model/target.ts';
import type { OpenApiSpec } from '../../plugin/openapi.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';
import { clipText } from './show-value.ts';

const LISTED = 10;

/**
 * OPENAPI_NO_SECURITY, for hosts that send Authorization only where the document's `security` applies (GPT
 * Actions). An operation with its own `security: []` opted out on purpose and passes; one with no requirement at
 * all, while the API needs the user's token, is called without it. Spec: GPT Actions, authentication.
 */
export const checkOperationSecurity = defineCheck<{
  spec: OpenApiSpec;
  authType: AuthConfig['type'];
  /** The profile's requiresOperationSecurity. */
  required: boolean;
  ref: ExchangeRef;
}>({ id: 'openapi-operations-declare-security', codes: ['OPENAPI_NO_SECURITY'] }, (args) => {
  if (!args.required || args.authType === 'none') return [];
  const uncovered = args.spec.operations.filter((op) => !op.requiresAuth && op.securitySource !== 'operation');
  if (uncovered.length === 0) return [];
  const names = uncovered.slice(0, LISTED).map((op) => `${clipText(op.operationId, 60)} (${op.method} ${clipText(op.path, 60)})`);
  const more = uncovered.length > LISTED ? ` and ${uncovered.length - LISTED} more` : '';
  return [
    {
      code: 'OPENAPI_NO_SECURITY',
      message: `${uncovered.length} of ${args.spec.operations.length} operations have no security requirement, so the host calls them without the user's ${args.authType} token: ${names.join(', ')}${more}`,
      fix: 'Declare the scheme in components.securitySchemes (type: oauth2 for OAuth) and add a top-level `security: [{ <scheme>: [] }]`; give operations that need no user `security: []` explicitly.',
      ...cite(args.ref),
    },
  ];
});
