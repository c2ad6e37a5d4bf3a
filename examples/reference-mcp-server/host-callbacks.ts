/** The ChatGPT per-connector callback id the harness uses: fixed, so runs are reproducible. */
export const CHATGPT_CALLBACK_ID = 'plugin-00000000-0000-4000-8000-000000000000';

/**
 * Every callback today's MCP hosts use (PROTOCOL-MCP.md §1–§3), registered for the default clients. Matched exactly,
 * except that the port of the two loopback ones is ignored (RFC 8252 §7.3: Claude Code picks a fresh port each time).
 */
export const HOST_CALLBACKS = [
  'https://chatgpt.com/connector_platform_oauth_redirect',
  `https://chatgpt.com/connector/oauth/${CHATGPT_CALLBACK_ID}`,
  'https://claude.ai/api/mcp/auth_callback',
  'https://claude.com/api/mcp/auth_callback',
  'http://localhost/callback',
  'http://127.0.0.1/callback',
] as const;

/** Browser origins of the hosts' web apps: the only foreign Origin values the MCP endpoint serves. */
export const HOST_ORIGINS = ['https://chatgpt.com', 'https://claude.ai', 'https://claude.com'] as const;
