import { readFileSync } from 'node:fs';
import { z } from 'zod';

// After `stryker run`: the mutation score, as a whole and per mutated folder, and every surviving mutant, one a
// line, from Stryker's JSON report (mutation-testing-report-schema). Mutants marked `// Stryker disable` with a reason
// (equivalent ones) are Ignored and count in no score; docs/mutation.md lists them.
const report = z.object({
  files: z.record(
    z.string(),
    z.object({
      mutants: z.array(
        z.object({
          mutatorName: z.string(),
          replacement: z.string().optional(),
          status: z.string(),
          location: z.object({ start: z.object({ line: z.number(), column: z.number() }) }),
        }),
      ),
    }),
  ),
});

type Counts = Map<string, number>;
const add = (counts: Counts, status: string) => counts.set(status, (counts.get(status) ?? 0) + 1);
function score(counts: Counts): string {
  const n = (status: string) => counts.get(status) ?? 0;
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  return `${valid ? ((100 * detected) / valid).toFixed(1) : '—'} % (${detected} of ${valid} killed or timed out)`;
}
/** `mock-host/checks/api/x.ts` → `mock-host/checks`: the folders issue 14 scores. */
const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');

const path = process.argv[2] ?? 'reports/mutation/mutation.json';
const { files } = report.parse(JSON.parse(readFileSync(path, 'utf8')));
const total: Counts = new Map();
const byFolder = new Map<string, Counts>();
const survivors: string[] = [];
for (const [file, { mutants }] of Object.entries(files)) {
  const folder = byFolder.get(folderOf(file)) ?? new Map();
  byFolder.set(folderOf(file), folder);
  for (const m of mutants) {
    add(total, m.status);
    add(folder, m.status);
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''} (${m.status})`);
    }
  }
}
console.log(`mutants: ${[...total].map(([s, c]) => `${c} ${s}`).join(', ')}`);
console.log(`mutation score: ${score(total)}`);
for (const [folder, counts] of [...byFolder].sort()) console.log(`  ${folder}: ${score(counts)}`);
if (survivors.length) console.log(`surviving mutants:\n  ${survivors.join('\n  ')}`);
