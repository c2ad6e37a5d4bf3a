import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { listen } from '../../../examples/shared/loopback-server.ts';

/**
 * A loopback web server for what a host publishes: its CIMD documents and its JWKS (the harness does the same with
 * its copies of the hosts' documents, PROTOCOL-MCP.md §6).
 */
export interface DocumentHost {
  readonly origin: string;
  /** Serves `body` at `path` (JSON-encoded unless a string); replaces an earlier one. */
  serve(path: string, body: unknown, options?: { contentType?: string; status?: number; location?: string }): string;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startDocumentHost(): Promise<DocumentHost> {
  const documents = new Map<string, { text: string; contentType: string; status: number; location: string | undefined }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const document = documents.get(req.url ?? '');
    if (document === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(document.status, { 'content-type': document.contentType, ...(document.location === undefined ? {} : { location: document.location }) });
    res.end(document.text);
  });
  const listening = await listen(server, '127.0.0.1', 0);
  return {
    origin: listening.url,
    requests,
    serve(path, body, options = {}) {
      documents.set(path, {
        text: typeof body === 'string' ? body : JSON.stringify(body),
        contentType: options.contentType ?? 'application/json',
        status: options.status ?? 200,
        location: options.location,
      });
      return `${listening.url}${path}`;
    },
    close: () => listening.close(),
  };
}

/** An RSA key as ChatGPT's CIMD client has one: the private half signs assertions, the public half goes in a JWKS. */
export interface AssertionKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly kid: string;
}

export async function newAssertionKey(kid = 'cimd-test-key'): Promise<AssertionKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, kid };
}

export interface AssertionClaims {
  readonly clientId: string;
  readonly audience: string;
  readonly jti?: string;
  /** Seconds from now (negative: already expired). */
  readonly expiresIn?: number;
  readonly kid?: string;
}

/** A private_key_jwt assertion as ChatGPT signs it: RS256, iss = sub = client_id, aud, jti, exp +5 min. */
export function signAssertion(key: AssertionKey, claims: AssertionClaims, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(claims.clientId)
    .setSubject(claims.clientId)
    .setAudience(claims.audience)
    .setJti(claims.jti ?? crypto.randomUUID())
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + (claims.expiresIn ?? 300))
    .sign(key.privateKey);
}

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
