import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarySchema, type Summary } from './summary-schema.ts';
import { renderJunitXml } from './summary-junit.ts';
import { renderSummaryMarkdown } from './summary-markdown.ts';

/** Writes through a temporary file so a reader (or a killed run) never sees half a summary. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Validates the summary against the published contract, then writes summary.json, summary.md and junit.xml. */
export function writeSummaryFiles(summary: Summary, paths: { summaryJson: string; summaryMarkdown: string; junitXml: string }): Summary {
  const checked = summarySchema.parse(summary);
  writeAtomically(paths.summaryJson, `${JSON.stringify(checked, null, 2)}\n`);
  writeAtomically(paths.summaryMarkdown, renderSummaryMarkdown(checked));
  writeAtomically(paths.junitXml, renderJunitXml(checked));
  return checked;
}
