import { settingsJsonSchema } from '../mock-host/config/settings.ts';
import { renderFindingDocs } from '../mock-host/findings/finding-docs.ts';
import { baselineJsonSchema } from '../mock-host/gate/baseline-schema.ts';

export interface GeneratedFile {
  url: URL;
  render: () => string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Files in the repository that are generated from code; scripts/write-generated.ts writes them all. */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { url: new URL('../docs/findings.md', import.meta.url), render: renderFindingDocs },
  { url: new URL('../mock-host/config/config.schema.json', import.meta.url), render: () => json(settingsJsonSchema()) },
  { url: new URL('../mock-host/gate/baseline.schema.json', import.meta.url), render: () => json(baselineJsonSchema()) },
];
