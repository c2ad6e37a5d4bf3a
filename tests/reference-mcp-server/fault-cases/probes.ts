import { generateKeyPair, SignJWT } from 'jose';
import type { RunningReferenceMcpServer } from '../../../examples/reference-mcp-server/start.ts';
import type { DocumentHost } from '../support/document-host.ts';
import { newAssertionKey, type AssertionKey } from '../support/document-host.ts';
import { chatgptDocument, claudeDocument } from '../support/host-documents.ts';
import { at, type HttpResult } from '../support/http.ts';
import { rpcAnswer } from '../support/mcp.ts';

/** Shared probes of the fault cases. */

export const prmPointer = (server: RunningReferenceMcpServer) => `resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`;

export function structured(result: HttpResult): unknown {
  return at(rpcAnswer(result), 'result', 'structuredContent');
}

/** A JWT with the right audience and claims, signed by a key and issuer the server never heard of. */
export async function forgedToken(server: RunningReferenceMcpServer, sub = 'user-2'): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ scope: 'notes:read notes:write', client_id: 'reference-mcp-public' })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('https://evil.example')
    .setSubject(sub)
    .setAudience(server.mcpUrl)
    .setJti('forged')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

export interface ChatgptClient {
  readonly clientId: string;
  readonly key: AssertionKey;
  readonly flow: { client_id: string; redirect_uri: string };
}

/** ChatGPT's stable CIMD document and JWKS, served from the loopback document host. */
export async function serveChatgptClient(documents: DocumentHost): Promise<ChatgptClient> {
  const key = await newAssertionKey();
  const jwksUri = documents.serve('/oauth/jwks.json', { keys: [key.publicJwk] });
  const clientId = documents.serve('/oauth/client.json', {});
  documents.serve('/oauth/client.json', chatgptDocument(clientId, jwksUri));
  return { clientId, key, flow: { client_id: clientId, redirect_uri: 'https://chatgpt.com/connector_platform_oauth_redirect' } };
}

export function serveClaudeClient(documents: DocumentHost): { client_id: string; redirect_uri: string } {
  const clientId = documents.serve('/oauth/mcp-oauth-client-metadata', {});
  documents.serve('/oauth/mcp-oauth-client-metadata', claudeDocument(clientId));
  return { client_id: clientId, redirect_uri: 'https://claude.ai/api/mcp/auth_callback' };
}
