import express, { Router, type ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { callerOf, requireBearer } from './bearer-auth.ts';
import type { PluginContext } from './context.ts';
import { listTodos } from './list-todos.ts';
import { formatScope } from './scope.ts';

export const READ_SCOPE = 'todos:read';
export const WRITE_SCOPE = 'todos:write';

const newTodoSchema = z.object({ text: z.string().trim().min(1).max(500) });

/** The plugin's API, described by openapi.ts. Todos belong to the user behind the access token. */
export function apiRoutes(ctx: PluginContext): Router {
  const { store } = ctx;
  const router = Router();

  router.get('/todos', requireBearer(ctx, READ_SCOPE), listTodos(ctx));

  router.post('/todos', requireBearer(ctx, WRITE_SCOPE), express.json(), (req, res) => {
    const body = newTodoSchema.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: 'invalid_request', error_description: 'Send {"text": "…"} (1–500 characters)' });
      return;
    }
    res.status(201).json(store.addTodo(callerOf(req).userId, body.data.text));
  });

  router.delete('/todos/:id', requireBearer(ctx, WRITE_SCOPE), (req, res) => {
    const id = String(req.params['id']);
    if (!store.deleteTodo(callerOf(req).userId, id)) {
      res.status(404).json({ error: 'not_found', error_description: `No todo with id ${id}` });
      return;
    }
    res.status(200).json({ deleted: id });
  });

  router.get('/me', requireBearer(ctx), (req, res) => {
    const caller = callerOf(req);
    const user = store.findUserById(caller.userId);
    res.json({ id: caller.userId, username: user?.username ?? caller.userId, scope: formatScope(caller.scope) });
  });

  const bodyParseFailed: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string') {
      res.status(400).json({ error: 'invalid_request', error_description: 'The body is not valid JSON' });
      return;
    }
    next(error);
  };
  router.use('/todos', bodyParseFailed);
  return router;
}
