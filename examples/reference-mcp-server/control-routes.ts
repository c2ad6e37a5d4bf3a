import { Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from './context.ts';
import { jsonOf } from './request-body.ts';

const advanceSchema = z.strictObject({ advanceSeconds: z.number().finite().min(0) });

/**
 * Test-only, mounted with exposeControl: lets a harness in another process move the server clock and read the
 * request log. A real server has nothing like it; these requests are not themselves logged.
 */
export function controlRoutes({ clock, log }: ServerContext): Router {
  const router = Router();
  const clockState = () => ({ nowMs: clock.now(), offsetSeconds: clock.offsetMs / 1000 });
  router.get('/__reference/clock', (_req, res) => void res.json(clockState()));
  router.post('/__reference/clock', (req, res) => {
    const json = jsonOf(req);
    const body = json.ok ? advanceSchema.safeParse(json.value) : undefined;
    if (body === undefined || !body.success) {
      res.status(400).json({ error: 'invalid_request', error_description: 'Send {"advanceSeconds": <number ≥ 0>}' });
      return;
    }
    clock.advance(body.data.advanceSeconds);
    res.json(clockState());
  });
  router.get('/__reference/requests', (_req, res) => void res.json({ entries: log.entries() }));
  router.delete('/__reference/requests', (_req, res) => {
    log.clear();
    res.status(204).end();
  });
  return router;
}
