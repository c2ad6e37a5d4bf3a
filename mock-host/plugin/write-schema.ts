/** Regenerates ai-plugin.schema.json from the zod schema: `npx tsx mock-host/plugin/write-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema } from './manifest-schema.ts';

const target = fileURLToPath(new URL('./ai-plugin.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
