import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { ManifestAuth } from '../../plugin/manifest-schema.ts';
import { fingerprint } from '../../recorder/secrets.ts';
import { cite, type ExchangeRef } from '../../findings/evidence.ts';

function openaiToken(auth: ManifestAuth): string | undefined {
  if (auth.type !== 'oauth' && auth.type !== 'service_http') return undefined;
  return auth.verification_tokens?.openai;
}

/** VERIFICATION_TOKEN_MISSING. Spec: OpenAI plugins, authentication ("Please add the "openai" token to your manifest file."). */
export const checkVerificationTokenPresent = defineCheck<{ auth: ManifestAuth; ref: ExchangeRef }>({ id: 'manifest-has-verification-token', codes: ['VERIFICATION_TOKEN_MISSING'] }, (args) => {
  const { auth } = args;
  if (auth.type !== 'oauth' && auth.type !== 'service_http') return [];
  if (openaiToken(auth)) return [];
  const others = Object.keys(auth.verification_tokens ?? {});
  return [
    {
      code: 'VERIFICATION_TOKEN_MISSING',
      message: `The ${auth.type} manifest has no auth.verification_tokens.openai${others.length ? ` (it has ${others.map((k) => JSON.stringify(k)).join(', ')})` : ''}`,
      fix: `Enter your ${auth.type === 'oauth' ? 'OAuth client id and secret' : 'service token'} in the host, copy the verification token it shows into auth.verification_tokens.openai, then verify again.`,
      ...cite(args.ref),
    },
  ];
});

/**
 * VERIFICATION_TOKEN_MISMATCH when a token is configured (PLUGIN_VERIFICATION_TOKEN). Both values appear only as
 * fingerprints: equal fingerprints mean equal tokens, which is all the developer needs to compare.
 * Spec: OpenAI plugins, authentication (verification tokens).
 */
export const checkVerificationTokenMatches = defineCheck<{ auth: ManifestAuth; expected: string | undefined; ref: ExchangeRef }>({ id: 'manifest-verification-token-matches', codes: ['VERIFICATION_TOKEN_MISMATCH'] }, (args) => {
  const { auth, expected } = args;
  if (!expected) return [];
  const actual = openaiToken(auth);
  // Absent is VERIFICATION_TOKEN_MISSING's case; auth types without tokens have nothing to compare.
  if (!actual || actual === expected) return [];
  return [
    {
      code: 'VERIFICATION_TOKEN_MISMATCH',
      message: `auth.verification_tokens.openai is ${fingerprint(actual)}, but the configured PLUGIN_VERIFICATION_TOKEN is ${fingerprint(expected)}`,
      fix: 'Copy the verification token the host issued most recently (re-entering client credentials issues a new one) into auth.verification_tokens.openai, or update PLUGIN_VERIFICATION_TOKEN.',
      ...cite(args.ref),
    },
  ];
});
