import { buildDetectionMatrix, detectionHeadline, detectionMatrixCells } from './detection-matrix.ts';
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

/** Why the verdict is what it is, right under it: the gate's reasons and, with a baseline, what it accepted. */
function gateLines(summary: Summary): string[] {
  const out: string[] = [];
  const gate = summary.gate;
  if (gate && gate.reasons.length) out.push(...gate.reasons.map((r) => `- ${escapeCell(r)}`), '');
  if (gate && (gate.failOn !== 'error' || summary.baseline))
    out.push(`Policy: \`--fail-on ${gate.failOn}\`${summary.baseline ? `, baseline ${escapeCell(summary.baseline.file)}` : ''}.`, '');
  return out;
}

function baselineSection(summary: Summary): string[] {
  const b = summary.baseline;
  if (!b) return [];
  const rows = [
    ...b.accepted.map((e) => ['accepted', e.code, e.scenarios.join(', '), e.reason, e.expires ?? '']),
    ...b.expired.map((e) => ['expired', e.code, e.scenario ?? 'any', e.reason, e.expires ?? '']),
    ...b.stale.map((e) => ['stale: remove it', e.code, e.scenario ?? 'any', e.reason, e.expires ?? '']),
  ];
  if (rows.length === 0) return ['', '## Baseline', '', 'The baseline is empty.'];
  return ['', '## Baseline', '', table(['entry', 'code', 'scenario', 'reason', 'expires'], rows)];
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
    ...gateLines(summary),
    ...hostMatrixSection(summary),
    '## Findings',
    '',
  ];
  if (summary.findings.length === 0) out.push('No findings.');
  else
    out.push(
      table(
        ['severity', 'code', 'scenario', 'host', 'title', 'fix'],
        summary.findings.map((f) => [f.accepted ? `${f.severity} (accepted)` : f.severity, f.code, f.scenario, (f.profiles ?? (f.profile ? [f.profile] : [])).join(', '), `${f.title}: ${f.message}`, f.fix]),
      ),
    );
  out.push(...baselineSection(summary));
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
  out.push(...detectionMatrixSection(summary));
  return `${out.join('\n')}\n`;
}

/** Fault → expected codes → codes seen, for the simulated scenarios of the run (none against a real target). */
function detectionMatrixSection(summary: Summary): string[] {
  const rows = buildDetectionMatrix(summary.scenarios);
  if (rows.length === 0) return [];
  const cells = detectionMatrixCells(rows);
  return ['', '## Detection matrix', '', escapeCell(detectionHeadline(rows)), '', table(cells.header, cells.rows)];
}

/** FINDINGS.md §8's table: per host, works / breaks / degrades, the phase, the first error, what its users see. */
function hostMatrixSection(summary: Summary): string[] {
  const hosts = summary.hosts ?? [];
  if (hosts.length === 0) return [];
  const rows = hosts.map((h) => [h.profile, h.verdict, h.phase ?? '—', h.firstError ?? '—', h.userSees ? `"${h.userSees}"` : '—']);
  return ['## Hosts', '', table(['host', 'result', 'phase', 'first error', 'what the user sees'], rows), ''];
}
