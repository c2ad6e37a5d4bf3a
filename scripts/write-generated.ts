// `npm run docs`: regenerates the files derived from code (the finding docs and the published JSON schemas).
// Tests compare each file with its generator, so a change to the catalog or a schema fails until this is run.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES } from './generated-files.ts';

for (const file of GENERATED_FILES) {
  const target = fileURLToPath(file.url);
  writeFileSync(target, file.render());
  console.log(`wrote ${target}`);
}
