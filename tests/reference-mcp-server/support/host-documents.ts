/** The hosts' registration bodies and CIMD documents of PROTOCOL-MCP.md §6, with the harness-side substitutions. */

export const CHATGPT_STABLE_CALLBACK = 'https://chatgpt.com/connector_platform_oauth_redirect';

export const DCR_BODIES = {
  chatgpt: {
    client_name: 'ChatGPT',
    redirect_uris: [CHATGPT_STABLE_CALLBACK],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
  claude: {
    client_name: 'Claude',
    redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  },
  claudeCode: {
    client_name: 'Claude Code',
    redirect_uris: ['http://localhost:53682/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    application_type: 'native',
  },
} as const;

/** ChatGPT's stable document, `client_id` and `jwks_uri` pointing at the harness's copies. */
export function chatgptDocument(clientId: string, jwksUri: string): Record<string, unknown> {
  return {
    client_id: clientId,
    client_uri: 'https://chatgpt.com/',
    redirect_uris: [CHATGPT_STABLE_CALLBACK],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    client_name: 'ChatGPT',
    logo_uri: 'https://persistent.oaistatic.com/sonic/misc/openai-logo.png',
    token_endpoint_auth_signing_alg: 'RS256',
    jwks_uri: jwksUri,
  };
}

export function claudeDocument(clientId: string): Record<string, unknown> {
  return {
    client_id: clientId,
    client_name: 'Claude',
    client_uri: 'https://claude.ai',
    redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
    grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
}

export function claudeCodeDocument(clientId: string): Record<string, unknown> {
  return {
    client_id: clientId,
    client_name: 'Claude Code',
    client_uri: 'https://claude.ai',
    redirect_uris: ['http://localhost/callback', 'http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
}
