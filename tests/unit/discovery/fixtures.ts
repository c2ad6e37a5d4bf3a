import { defaultSettings, type Settings } from '../../../mock-host/config/settings.ts';
import type { HttpOutcome, HttpResponse } from '../../../mock-host/recorder/exchange.ts';
import type { OpenApiSpec } from '../../../mock-host/plugin/openapi.ts';
import { parseOpenApi } from '../../../mock-host/plugin/openapi.ts';

export const ORIGIN = 'http://127.0.0.1:4100';
export const REF = { id: 'x1', curl: 'curl -i --max-time 15 -X GET "http://127.0.0.1:4100/.well-known/ai-plugin.json"' };
export const VERIFICATION_TOKEN = 'verif-0123456789abcdef';

/** A manifest that passes every discovery check on the chatgpt-plugin profile (loopback http aside). */
export function conformantManifest(origin = ORIGIN): Record<string, unknown> {
  return {
    schema_version: 'v1',
    name_for_human: 'Reference Todos',
    name_for_model: 'reference_todos',
    description_for_human: 'Keep a simple todo list.',
    description_for_model: "Manage the signed-in user's todo list.",
    auth: {
      type: 'oauth',
      client_url: `${origin}/oauth/authorize`,
      scope: 'todos:read todos:write',
      authorization_url: `${origin}/oauth/token`,
      authorization_content_type: 'application/json',
      verification_tokens: { openai: VERIFICATION_TOKEN },
    },
    api: { type: 'openapi', url: `${origin}/openapi.yaml`, is_user_authenticated: false },
    logo_url: `${origin}/logo.png`,
    contact_email: 'support@example.com',
    legal_info_url: `${origin}/legal`,
  };
}

export function conformantOpenApiYaml(serverUrl = ORIGIN): string {
  return `openapi: 3.0.1
info: { title: Reference Todos, version: 1.0.0 }
servers:
  - url: ${serverUrl}
security:
  - oauth: []
paths:
  /todos:
    get:
      operationId: listTodos
      summary: List todos
      description: List the signed-in user's todos.
      responses: { '200': { description: ok } }
    post:
      operationId: addTodo
      summary: Add a todo
      requestBody:
        required: true
        content: { application/json: { schema: { type: object } } }
      responses: { '201': { description: created } }
  /todos/{id}:
    parameters:
      - $ref: '#/components/parameters/TodoId'
    delete:
      operationId: deleteTodo
      summary: Delete a todo
      responses: { '200': { description: deleted } }
  /health:
    get:
      summary: Liveness
      security: []
      responses: { '200': { description: ok } }
components:
  parameters:
    TodoId: { name: id, in: path, required: true, description: The id of the todo., schema: { type: string } }
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: ${serverUrl}/oauth/authorize
          tokenUrl: ${serverUrl}/oauth/token
          scopes: { 'todos:read': read }
`;
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return defaultSettings({
    url: ORIGIN,
    clientId: 'client-1',
    clientSecret: 'client-secret-123456',
    verificationToken: VERIFICATION_TOKEN,
    ...overrides,
  });
}

export function response(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body, truncated: false, bytes: body.length, durationMs: 5 };
}

export function outcome(exchangeId: string, url: string, res: HttpResponse | { error: NonNullable<HttpOutcome['error']> }): HttpOutcome {
  const request = { method: 'GET', url, phase: 'discover' as const, label: 'test', timeoutMs: 1000, maxBodyBytes: 1000 };
  return 'error' in res ? { exchangeId, request, error: res.error } : { exchangeId, request, response: res };
}

/** Parses a YAML/JSON OpenAPI text for the pure checks, failing the test when it does not read. */
export function specOf(text: string, documentUrl = `${ORIGIN}/openapi.yaml`): OpenApiSpec {
  const result = parseOpenApi({ text, documentUrl, fallbackOrigin: ORIGIN });
  if (!result.ok) throw new Error(`fixture does not parse: ${result.reason}`);
  return result.spec;
}
