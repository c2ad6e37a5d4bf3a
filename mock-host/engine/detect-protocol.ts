import { bearerChallenge } from '../oauth/www-authenticate.ts';
import { firstMcpRequest } from '../mcp/first-request.ts';
import { protectedResourceMetadataUrls } from '../mcp/resource-uri.ts';
import { Recorder } from '../recorder/recorder.ts';
import { SecretRegistry } from '../recorder/secrets.ts';
import { parseJsonText } from '../text/structured-text.ts';
import type { HostProfile } from '../profiles/host-profile.ts';

export interface Detection {
  protocol: HostProfile['protocol'];
  /** In a sentence, for the console: what gave it away. */
  because: string;
}

const TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 256_000;

function isJsonObject(text: string): boolean {
  const parsed = parseJsonText(text);
  return parsed.ok && !!parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value);
}

/**
 * Tells a legacy plugin from an MCP server, as the hosts would find them: a legacy plugin serves
 * /.well-known/ai-plugin.json; an MCP server answers an unauthenticated MCP request with 401 and a Bearer challenge
 * (or serves protected resource metadata, or answers the request itself). Through a recorder like all traffic.
 */
export async function detectProtocol(url: string): Promise<Detection | undefined> {
  const recorder = new Recorder(new SecretRegistry(), 'detect-');
  const send = (request: { method: string; url: string; headers?: Record<string, string>; body?: string; label: string }) =>
    recorder.send({ ...request, phase: 'discover', timeoutMs: TIMEOUT_MS, maxBodyBytes: MAX_BODY_BYTES });
  const base = url.replace(/\/+$/, '');
  const manifest = await send({ method: 'GET', url: `${base}/.well-known/ai-plugin.json`, headers: { accept: 'application/json' }, label: 'detect: plugin manifest' });
  if (manifest.response?.status === 200 && isJsonObject(manifest.response.body)) return { protocol: 'plugin', because: `${base}/.well-known/ai-plugin.json serves a plugin manifest` };
  const request = firstMcpRequest({ firstMethod: 'initialize', protocolVersion: '2025-11-25', userAgent: 'plugin-conformance', clientName: 'plugin-conformance' });
  const mcp = await send({ method: 'POST', url: base, headers: request.headers, body: request.body, label: 'detect: an MCP initialize without a token' });
  const res = mcp.response;
  if (res?.status === 401 && bearerChallenge(res.headers['www-authenticate'])) return { protocol: 'mcp', because: `${base} answers an MCP request without a token with 401 and a Bearer challenge` };
  if (res && res.status >= 200 && res.status < 300 && /"jsonrpc"\s*:\s*"2\.0"/.test(res.body.slice(0, 4096))) return { protocol: 'mcp', because: `${base} answers MCP initialize without sign-in` };
  if (URL.canParse(base)) {
    const { pathInserted, root } = protectedResourceMetadataUrls(base);
    for (const prm of [pathInserted, root]) {
      const answer = await send({ method: 'GET', url: prm, headers: { accept: 'application/json' }, label: 'detect: protected resource metadata' });
      if (answer.response?.status === 200 && isJsonObject(answer.response.body)) return { protocol: 'mcp', because: `${prm} serves protected resource metadata` };
    }
  }
  return undefined;
}
