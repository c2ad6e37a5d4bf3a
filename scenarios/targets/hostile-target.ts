import { z } from 'zod';
import { behaviourNameSchema } from '../../examples/hostile-plugin/behaviours/index.ts';
import { HOSTILE_CLIENT } from '../../examples/hostile-plugin/documents.ts';
import { defineTargetKind } from './simulated-target.ts';

const schema = z.strictObject({
  behaviour: behaviourNameSchema.describe('one behaviour of examples/hostile-plugin (its README lists them)'),
});

/** `target: { hostile-plugin: { behaviour: … } }`: a plugin that attacks the host in one way (scenarios/hostile/). */
export const hostilePluginTarget = defineTargetKind({
  key: 'hostile-plugin',
  schema,
  async start({ behaviour }, base) {
    const { startHostilePlugin } = await import('../../examples/hostile-plugin/start.ts');
    const plugin = await startHostilePlugin({ behaviour });
    const { clientId, clientSecret, username, password, verificationToken } = HOSTILE_CLIENT;
    return {
      origin: plugin.url,
      settings: { ...base, url: plugin.url, clientId, clientSecret, login: { username, password }, verificationToken },
      close: () => plugin.close(),
    };
  },
});
