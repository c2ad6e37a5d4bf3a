import { readFileSync } from 'node:fs';
import { z } from 'zod';

// After `stryker run`: the mutation score of the folders mutated and every surviving mutant, one a line, from
// Stryker's JSON report (mutation-testing-report-schema). Equivalent survivors are listed in docs/mutation.md.
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

const path = process.argv[2] ?? 'reports/mutation/mutation.json';
const { files } = report.parse(JSON.parse(readFileSync(path, 'utf8')));
const counts = new Map<string, number>();
const survivors: string[] = [];
for (const [file, { mutants }] of Object.entries(files)) {
  for (const m of mutants) {
    counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}` : ''} (${m.status})`);
    }
  }
}
const n = (status: string) => counts.get(status) ?? 0;
const detected = n('Killed') + n('Timeout');
const valid = detected + n('Survived') + n('NoCoverage');
console.log(`mutants: ${[...counts].map(([s, c]) => `${c} ${s}`).join(', ')}`);
console.log(`mutation score: ${valid ? ((100 * detected) / valid).toFixed(1) : '—'} % (${detected} of ${valid} killed or timed out)`);
if (survivors.length) console.log(`surviving mutants:\n  ${survivors.join('\n  ')}`);
