import type { Router } from 'express';
import express from 'express';
import { OIDC_MOUNT } from './provider-config.ts';
import type { ResolvedOidcPluginOptions } from './options.ts';
import { API_SCOPE } from './options.ts';

/**
 * The OAuth part follows oidc-provider's real rules: `client_url` carries prompt=consent because oidc-provider
 * (OIDC Core §11) drops offline_access, and so issues no refresh token, unless consent is prompted for; the host
 * keeps parameters already in client_url. The token endpoint takes form bodies only.
 */
export function buildManifest(origin: string, options: ResolvedOidcPluginOptions): Record<string, unknown> {
  return {
    schema_version: 'v1',
    name_for_human: 'OIDC Todos',
    name_for_model: 'oidc_todos',
    description_for_human: 'Read your todo list. A plugin whose sign-in is a certified OpenID provider.',
    description_for_model: "Read the signed-in user's todo list and profile.",
    auth: {
      type: 'oauth',
      client_url: `${origin}${OIDC_MOUNT}/auth${options.manifestPromptsConsent ? '?prompt=consent' : ''}`,
      scope: `openid offline_access ${API_SCOPE}`,
      authorization_url: `${origin}${OIDC_MOUNT}/token`,
      authorization_content_type: options.manifestContentType,
      verification_tokens: { openai: options.verificationToken },
    },
    api: { type: 'openapi', url: `${origin}/openapi.json`, is_user_authenticated: false },
    logo_url: `${origin}/logo.svg`,
    contact_email: 'support@example.com',
    legal_info_url: `${origin}/legal`,
  };
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" rx="96" fill="#2d6a4f"/></svg>';

export function siteRoutes(origin: string, options: ResolvedOidcPluginOptions): Router {
  const router = express.Router();
  router.get('/.well-known/ai-plugin.json', (_req, res) => void res.json(buildManifest(origin, options)));
  router.get('/logo.svg', (_req, res) => void res.type('image/svg+xml').send(LOGO));
  router.get('/legal', (_req, res) => void res.type('text/plain').send('OIDC Todos is a test plugin. No data is kept.'));
  router.get('/healthz', (_req, res) => void res.type('text/plain').send('ok'));
  return router;
}
