import express, { Router } from 'express';
import { z } from 'zod';
import type { PluginContext } from './context.ts';

const advanceSchema = z.object({ advanceSeconds: z.number().finite().min(0) });

/**
 * Test-only: lets a harness in another process move the plugin's clock (expiring tokens, ending grace windows).
 * Mounted only with `exposeControl: true`; a real plugin has nothing like it.
 */
export function controlRoutes({ clock }: PluginContext): Router {
  const router = Router();
  const state = () => ({ nowMs: clock.now(), offsetSeconds: clock.offsetMs / 1000 });
  router.get('/__reference/clock', (_req, res) => {
    res.json(state());
  });
  router.post('/__reference/clock', express.json(), (req, res) => {
    const body = advanceSchema.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: 'invalid_request', error_description: 'Send {"advanceSeconds": <number ≥ 0>}' });
      return;
    }
    clock.advance(body.data.advanceSeconds);
    res.json(state());
  });
  return router;
}
