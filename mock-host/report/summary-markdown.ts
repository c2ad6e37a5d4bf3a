import type { ScenarioSummary, Summary } from './summary-schema.ts';

/**
 * Makes any text safe inside one GitHub-flavoured Markdown table cell: a `|` would end the cell, a newline the row,
 * and raw `<`/`>` from a server's answer would be read as HTML.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function scenarioFindingsCell(s: ScenarioSummary): string {
  if (s.kind !== 'simulated' || (!s.expected && !s.seen)) return s.findings.join(', ');
  const list = (codes: readonly string[] | undefined) => (codes?.length ? codes.join(', ') : 'none');
  return `expected: ${list(s.expected)}; seen: ${list(s.seen)}`;
}

/** The human view of summary.json: what `npm test` leaves in reports/summary.md and a GitHub job summary shows. */
export function renderSummaryMarkdown(summary: Summary): string {
  const t = summary.totals;
  const verdict = summary.verdict === 'pass' ? '✅ **PASS**' : '❌ **FAIL**';
  const target = summary.target.url || '(no target)';
  const out: string[] = [
    `# ${summary.tool.name} ${summary.tool.version}: ${verdict}`,
    '',
    `Target: ${escapeCell(target)} (profile \`${summary.target.profile}\`, auth \`${summary.target.authType}\`), ` +
      `started ${summary.startedAt}, took ${formatDuration(summary.durationMs)}.`,
    '',
    `**Scenarios:** ${t.scenarios} (${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.inconclusive} inconclusive). ` +
      `**Findings:** ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos.`,
    '',
    '## Findings',
    '',
  ];
  if (summary.findings.length === 0) out.push('No findings.');
  else
    out.push(
      table(
        ['severity', 'code', 'scenario', 'title', 'fix'],
        summary.findings.map((f) => [f.severity, f.code, f.scenario, `${f.title}: ${f.message}`, f.fix]),
      ),
    );
  out.push('', '## Scenarios', '');
  if (summary.scenarios.length === 0) out.push('No scenarios ran.');
  else
    out.push(
      table(
        ['status', 'scenario', 'kind', 'title', 'duration', 'findings'],
        summary.scenarios.map((s) => [
          s.status,
          s.id,
          s.kind,
          s.reason ? `${s.title} (${s.reason})` : s.title,
          formatDuration(s.durationMs),
          scenarioFindingsCell(s),
        ]),
      ),
    );
  return `${out.join('\n')}\n`;
}
