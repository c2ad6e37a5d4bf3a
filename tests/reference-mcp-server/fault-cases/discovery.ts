import { expect } from '../support/fixtures.ts';
import { at, postForm, postJson, request } from '../support/http.ts';
import { DCR_BODIES } from '../support/host-documents.ts';
import { initializeRequest, mcpRequest } from '../support/mcp.ts';
import { authorizeAndDecide, install, PUBLIC_CLIENT, refreshTokenOf } from '../support/oauth.ts';
import type { FaultCases } from './fault-case.ts';
import { prmPointer, serveClaudeClient } from './probes.ts';

const PATH_PRM = '/.well-known/oauth-protected-resource/mcp';
const ROOT_PRM = '/.well-known/oauth-protected-resource';
const OAUTH_METADATA = '/.well-known/oauth-authorization-server';
const OIDC_METADATA = '/.well-known/openid-configuration';

export const prmCases: FaultCases<
  | 'prm-missing'
  | 'prm-not-json'
  | 'prm-no-authorization-servers'
  | 'prm-root-only'
  | 'prm-resource-mismatch'
  | 'prm-resource-trailing-slash'
  | 'prm-offline-access'
  | 'prm-first-as-broken'
> = {
  'prm-missing': {
    async check(server, faulty) {
      for (const path of [PATH_PRM, ROOT_PRM]) expect((await request(`${server.url}${path}`)).status, path).toBe(faulty ? 404 : 200);
    },
  },
  'prm-not-json': {
    async check(server, faulty) {
      for (const path of [PATH_PRM, ROOT_PRM]) {
        const prm = await request(`${server.url}${path}`);
        expect(prm.status).toBe(200);
        expect(prm.headers.get('content-type')).toMatch(faulty ? /^text\/html/ : /^application\/json/);
        expect(prm.json === undefined).toBe(faulty);
      }
    },
  },
  'prm-no-authorization-servers': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${PATH_PRM}`)).json, 'authorization_servers')).toEqual(faulty ? [] : [server.issuer]);
    },
  },
  'prm-root-only': {
    async check(server, faulty) {
      expect((await request(`${server.url}${PATH_PRM}`)).status).toBe(faulty ? 404 : 200);
      expect((await request(`${server.url}${ROOT_PRM}`)).status).toBe(200);
      const challenge = (await mcpRequest(server, initializeRequest())).headers.get('www-authenticate');
      expect(challenge?.includes(prmPointer(server))).toBe(!faulty);
    },
  },
  'prm-resource-mismatch': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${PATH_PRM}`)).json, 'resource')).toBe(faulty ? server.url : server.mcpUrl);
    },
  },
  'prm-resource-trailing-slash': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${ROOT_PRM}`)).json, 'resource')).toBe(faulty ? `${server.mcpUrl}/` : server.mcpUrl);
    },
  },
  'prm-offline-access': {
    async check(server, faulty) {
      const scopes = at((await request(`${server.url}${PATH_PRM}`)).json, 'scopes_supported');
      expect(scopes).toEqual(faulty ? ['notes:read', 'notes:write', 'notes:admin', 'offline_access'] : ['notes:read', 'notes:write', 'notes:admin']);
      const challenge = (await mcpRequest(server, initializeRequest())).headers.get('www-authenticate');
      expect(challenge).toContain(faulty ? 'scope="notes:read notes:write offline_access"' : 'scope="notes:read notes:write"');
    },
  },
  'prm-first-as-broken': {
    async check(server, faulty) {
      const servers = at((await request(`${server.url}${PATH_PRM}`)).json, 'authorization_servers');
      expect(servers).toEqual(faulty ? [`${server.url}/broken-issuer`, server.issuer] : [server.issuer]);
      for (const path of [`${OAUTH_METADATA}/broken-issuer`, `${OIDC_METADATA}/broken-issuer`, `/broken-issuer${OIDC_METADATA}`]) {
        expect((await request(`${server.url}${path}`)).status, path).toBe(404);
      }
    },
  },
};

export const asMetadataCases: FaultCases<
  | 'as-metadata-missing'
  | 'no-openid-configuration'
  | 'issuer-mismatch'
  | 'no-pkce-advertised'
  | 'no-client-registration'
  | 'cimd-without-none'
  | 'no-iss-parameter'
  | 'revocation-endpoint-missing'
> = {
  'as-metadata-missing': {
    async check(server, faulty) {
      for (const path of [OAUTH_METADATA, OIDC_METADATA]) expect((await request(`${server.url}${path}`)).status, path).toBe(faulty ? 404 : 200);
    },
  },
  'no-openid-configuration': {
    async check(server, faulty) {
      expect((await request(`${server.url}${OAUTH_METADATA}`)).status).toBe(200);
      expect((await request(`${server.url}${OIDC_METADATA}`)).status).toBe(faulty ? 404 : 200);
    },
  },
  'issuer-mismatch': {
    async check(server, faulty) {
      for (const path of [OAUTH_METADATA, OIDC_METADATA]) expect(at((await request(`${server.url}${path}`)).json, 'issuer')).toBe(faulty ? `${server.url}/` : server.url);
      expect(at((await request(`${server.url}${PATH_PRM}`)).json, 'authorization_servers')).toEqual([server.url]);
    },
  },
  'no-pkce-advertised': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${OAUTH_METADATA}`)).json, 'code_challenge_methods_supported')).toEqual(faulty ? undefined : ['S256']);
      const outcome = await authorizeAndDecide(server, { code_challenge: undefined, code_challenge_method: undefined });
      if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
      expect(outcome.url.searchParams.get('error')).toBe('invalid_request');
    },
  },
  'no-client-registration': {
    async check(server, faulty, documents) {
      const metadata = (await request(`${server.url}${OAUTH_METADATA}`)).json;
      expect(at(metadata, 'registration_endpoint')).toBe(faulty ? undefined : `${server.url}/register`);
      expect(at(metadata, 'client_id_metadata_document_supported')).toBe(faulty ? undefined : true);
      expect((await postJson(`${server.url}/register`, DCR_BODIES.claudeCode)).status).toBe(faulty ? 404 : 201);
      const outcome = await authorizeAndDecide(server, serveClaudeClient(documents));
      expect(outcome.kind).toBe(faulty ? 'page' : 'redirect');
      expect((await install(server)).access_token).toBeTruthy();
    },
  },
  'cimd-without-none': {
    async check(server, faulty) {
      const metadata = (await request(`${server.url}${OAUTH_METADATA}`)).json;
      expect(at(metadata, 'token_endpoint_auth_methods_supported')).toEqual(faulty ? ['client_secret_post', 'client_secret_basic'] : ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt']);
      expect(at(metadata, 'client_id_metadata_document_supported')).toBe(true);
      expect(at(metadata, 'registration_endpoint')).toBe(`${server.url}/register`);
    },
  },
  'no-iss-parameter': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${OAUTH_METADATA}`)).json, 'authorization_response_iss_parameter_supported')).toBe(faulty ? undefined : true);
      for (const decision of ['allow', 'deny'] as const) {
        const outcome = await authorizeAndDecide(server, {}, { decision });
        if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
        expect(outcome.url.searchParams.get('iss'), decision).toBe(faulty ? null : server.issuer);
      }
    },
  },
  'revocation-endpoint-missing': {
    async check(server, faulty) {
      expect(at((await request(`${server.url}${OAUTH_METADATA}`)).json, 'revocation_endpoint')).toBe(`${server.url}/revoke`);
      const tokens = await install(server);
      expect((await postForm(`${server.url}/revoke`, { token: refreshTokenOf(tokens), client_id: PUBLIC_CLIENT.id })).status).toBe(faulty ? 404 : 200);
    },
  },
};
