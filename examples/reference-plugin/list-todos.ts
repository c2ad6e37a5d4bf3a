import type { RequestHandler } from 'express';
import { callerOf } from './bearer-auth.ts';
import type { PluginContext } from './context.ts';
import { otherLoopbackOrigin, requestOrigin } from './origin.ts';
import type { Todo } from './store.ts';
import { textOfLength } from './text.ts';

/** Comfortably over the host's 100,000-character response cap. */
const HUGE_RESPONSE_CHARS = 150_000;

/** The user's todos followed by filler until the JSON body is about HUGE_RESPONSE_CHARS long. */
function hugeTodoList(todos: readonly Todo[]): { todos: Todo[] } {
  const all = [...todos];
  const text = textOfLength('This filler todo makes the response too large for the host. ', 1000);
  let length = JSON.stringify({ todos: all }).length;
  while (length < HUGE_RESPONSE_CHARS) {
    const filler: Todo = { id: `filler-${all.length + 1}`, text };
    all.push(filler);
    length += JSON.stringify(filler).length + 1;
  }
  return { todos: all };
}

/**
 * GET /todos (listTodos): the operation the harness calls by default, so the API faults that need a
 * successful-looking call (rate limit, redirect, size, latency) live here.
 */
export function listTodos({ has, store, options }: PluginContext): RequestHandler {
  const tokensSeen = new Set<string>();
  return (req, res) => {
    const caller = callerOf(req);
    if (has('api-server-error')) {
      res.status(500).json({ error: 'server_error', error_description: 'Something went wrong' });
      return;
    }
    if (has('api-rate-limited')) {
      const key = caller.token ?? '';
      if (!tokensSeen.has(key)) {
        tokensSeen.add(key);
        res.status(429).json({ error: 'rate_limited', error_description: 'Too many requests' });
        return;
      }
    }
    if (has('api-redirect-cross-origin')) {
      res.redirect(302, `${otherLoopbackOrigin(requestOrigin(req))}/todos`);
      return;
    }
    const todos = store.listTodos(caller.userId);
    const respond = () => res.json(has('huge-api-response') ? hugeTodoList(todos) : { todos });
    if (!has('slow-api')) {
      respond();
      return;
    }
    const timer = setTimeout(respond, options.slowApiMs);
    res.on('close', () => clearTimeout(timer));
  };
}
