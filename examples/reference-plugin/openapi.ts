import { Router } from 'express';
import { stringify } from 'yaml';
import type { PluginContext } from './context.ts';
import { oauthEndpoints } from './oauth-endpoints.ts';
import { requestOrigin } from './origin.ts';
import { parseScope, SCOPE_DESCRIPTIONS } from './scope.ts';
import { textOfLength } from './text.ts';

const LIST_DESCRIPTION = "List the signed-in user's todos, oldest first.";

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

/** OpenAPI 3.0.1 description of api-routes.ts. Descriptions stay under the host's 200-character limit. */
export function buildOpenApiDocument(ctx: PluginContext, origin: string): Record<string, unknown> {
  const { options, has } = ctx;
  const oauth = oauthEndpoints(ctx, origin);
  const scopes = Object.fromEntries(parseScope(options.scope).map((name) => [name, SCOPE_DESCRIPTIONS[name] ?? name]));
  const unauthorized = errorResponse('Missing, invalid or expired access token');
  // The fault: security written per operation instead of globally, and forgotten on one (getProfile).
  const perOperation = has('operation-without-security');
  // A generated document: no security requirement anywhere, though every operation needs the token.
  const none = has('openapi-without-security');
  const todoSecurity = perOperation ? { security: [{ oauth: [] }] } : {};
  return {
    openapi: '3.0.1',
    info: {
      title: 'Reference Todos',
      description: 'A per-user todo list behind OAuth, used as the reference target of plugin-conformance.',
      version: '1.0.0',
    },
    servers: [{ url: has('openapi-server-mismatch') ? 'https://api.example.net' : has('openapi-http-server') ? 'http://api.example.net' : origin }],
    ...(perOperation || none ? {} : { security: [{ oauth: [] }] }),
    paths: {
      '/todos': {
        get: {
          operationId: 'listTodos',
          ...todoSecurity,
          summary: 'List todos',
          description: has('openapi-over-limits') ? textOfLength(`${LIST_DESCRIPTION} `, 250) : LIST_DESCRIPTION,
          responses: { '200': { description: "The user's todos", content: json(ref('TodoList')) }, '401': unauthorized },
        },
        post: {
          operationId: 'addTodo',
          ...todoSecurity,
          summary: 'Add a todo',
          description: "Add a todo to the signed-in user's list.",
          requestBody: { required: true, content: json(ref('NewTodo')) },
          responses: {
            '201': { description: 'The new todo', content: json(ref('Todo')) },
            '400': errorResponse('The text is missing or too long'),
            '401': unauthorized,
          },
        },
      },
      '/todos/{id}': {
        delete: {
          operationId: 'deleteTodo',
          ...todoSecurity,
          summary: 'Delete a todo',
          description: "Delete one of the signed-in user's todos by id.",
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'The id of the todo.', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'Deleted', content: json({ type: 'object', properties: { deleted: { type: 'string' } } }) },
            '401': unauthorized,
            '404': errorResponse('No such todo'),
          },
        },
      },
      '/me': {
        get: {
          operationId: 'getProfile',
          summary: 'Get the profile',
          description: 'Return the signed-in user and the scope of the access token.',
          responses: { '200': { description: 'The profile', content: json(ref('Profile')) }, '401': unauthorized },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: oauth.authorizeUrl,
              tokenUrl: oauth.tokenUrl,
              scopes,
            },
          },
        },
      },
      schemas: {
        Todo: {
          type: 'object',
          required: ['id', 'text'],
          properties: { id: { type: 'string' }, text: { type: 'string' } },
        },
        TodoList: {
          type: 'object',
          required: ['todos'],
          properties: { todos: { type: 'array', items: ref('Todo') } },
        },
        NewTodo: {
          type: 'object',
          required: ['text'],
          properties: { text: { type: 'string', minLength: 1, maxLength: 500 } },
        },
        Profile: {
          type: 'object',
          required: ['id', 'username', 'scope'],
          properties: { id: { type: 'string' }, username: { type: 'string' }, scope: { type: 'string' } },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, error_description: { type: 'string' } },
        },
      },
    },
  };
}

/** The `openapi-invalid` body: valid JSON and YAML, but no OpenAPI document. */
const NOT_OPENAPI = '{"hello":"world"}';

export function openApiRoutes(ctx: PluginContext): Router {
  const router = Router();
  router.get(['/openapi.yaml', '/openapi.json'], (req, res, next) => {
    if (ctx.has('openapi-unreachable')) {
      next();
      return;
    }
    const asYaml = req.path.endsWith('.yaml');
    res.type(asYaml ? 'application/yaml' : 'application/json');
    if (ctx.has('openapi-invalid')) {
      res.send(NOT_OPENAPI);
      return;
    }
    const document = buildOpenApiDocument(ctx, requestOrigin(req));
    // Repeated sub-objects must stay inline: YAML anchors/aliases trip up simple OpenAPI readers.
    res.send(asYaml ? stringify(document, { aliasDuplicateObjects: false }) : JSON.stringify(document, null, 2));
  });
  return router;
}
