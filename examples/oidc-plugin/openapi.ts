import type { Router } from 'express';
import express from 'express';
import { OIDC_MOUNT } from './provider-config.ts';
import { API_SCOPE } from './options.ts';

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ERROR = { type: 'object', required: ['error'], properties: { error: { type: 'string' }, error_description: { type: 'string' } } };

/** OpenAPI 3.0.1 description of api-routes.ts; the oauth2 scheme names oidc-provider's endpoints. */
export function buildOpenApiDocument(origin: string): Record<string, unknown> {
  const unauthorized = { description: 'Missing, invalid or expired access token', content: json(ERROR) };
  return {
    openapi: '3.0.1',
    info: { title: 'OIDC Todos', description: 'A read-only todo list behind oidc-provider.', version: '1.0.0' },
    servers: [{ url: origin }],
    security: [{ oauth: [API_SCOPE] }],
    paths: {
      '/todos': {
        get: {
          operationId: 'listTodos',
          summary: 'List todos',
          description: "List the signed-in user's todos.",
          responses: {
            '200': {
              description: "The user's todos",
              content: json({ type: 'object', required: ['todos'], properties: { todos: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string' } } } } } }),
            },
            '401': unauthorized,
            '403': { description: 'The token lacks the todos:read scope', content: json(ERROR) },
          },
        },
      },
      '/me': {
        get: {
          operationId: 'getProfile',
          summary: 'Get the profile',
          description: 'Return the signed-in account and the scope of the access token.',
          security: [{ oauth: [] }],
          responses: {
            '200': { description: 'The profile', content: json({ type: 'object', properties: { id: { type: 'string' }, scope: { type: 'string' } } }) },
            '401': unauthorized,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: `${origin}${OIDC_MOUNT}/auth`,
              tokenUrl: `${origin}${OIDC_MOUNT}/token`,
              scopes: { [API_SCOPE]: 'Read your todos' },
            },
          },
        },
      },
    },
  };
}

export function openApiRoute(origin: string): Router {
  const router = express.Router();
  router.get('/openapi.json', (_req, res) => void res.json(buildOpenApiDocument(origin)));
  return router;
}
