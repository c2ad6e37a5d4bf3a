import type { ScenarioSummary, Summary } from './summary-schema.ts';

type SummaryFinding = Summary['findings'][number];

// XML 1.0 has no escape for most control characters: they are dropped rather than make the file unreadable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const attrs = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** The findings behind a scenario's codes: its own when credited to it, else the first with that code. */
function findingsOf(summary: Summary, s: ScenarioSummary): SummaryFinding[] {
  return s.findings.flatMap((code) => {
    const own = summary.findings.filter((f) => f.code === code && f.scenario === s.id);
    const any = summary.findings.find((f) => f.code === code);
    return own.length ? own : any ? [any] : [];
  });
}

function describe(f: SummaryFinding): string {
  return [
    `[${f.severity}${f.accepted ? ', accepted' : ''}] ${f.code}: ${f.title}`,
    `  seen: ${f.message}`,
    `  fix:  ${f.fix}`,
    ...(f.reproduce ? [`  reproduce: ${f.reproduce}`] : []),
  ].join('\n');
}

interface Case {
  xml: string;
  failed: boolean;
  skipped: boolean;
}

/** Fails exactly when the gate says this scenario fails the run, so JUnit-reading CI agrees with the exit code. */
function scenarioCase(summary: Summary, s: ScenarioSummary): Case {
  const gate = summary.gate;
  const blocking = gate ? gate.blocking.filter((b) => b.scenario === s.id).map((b) => b.code) : [];
  const excused = gate?.excused.includes(s.id) ?? false;
  const failed = (s.status === 'failed' && !excused) || blocking.length > 0;
  const skipped = !failed && (s.status === 'skipped' || s.status === 'inconclusive');
  const findings = findingsOf(summary, s);
  const details = findings.map(describe).join('\n\n');
  const open = `    <testcase${attrs({ classname: `${summary.tool.name}.${s.kind}`, name: `${s.id}: ${s.title}`, time: seconds(s.durationMs) })}>`;
  const body: string[] = [];
  if (failed) {
    const codes = blocking.length ? blocking : s.findings;
    const message = [codes.join(', '), s.reason].filter(Boolean).join(': ') || 'failed';
    body.push(`      <failure${attrs({ message, type: codes[0] ?? s.status })}>${escapeXml(details || s.reason || '')}</failure>`);
  } else if (skipped) body.push(`      <skipped${attrs({ message: `${s.status}: ${s.reason ?? ''}` })}/>`);
  else if (details) body.push(`      <system-out>${escapeXml(details)}</system-out>`);
  return { xml: body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : open.replace(/>$/, '/>'), failed, skipped };
}

/** One testcase for the whole baseline: stale entries fail it, so the clean-up shows up beside the scenarios. */
function baselineCase(summary: Summary): Case | undefined {
  const b = summary.baseline;
  if (!b) return undefined;
  const open = `    <testcase${attrs({ classname: `${summary.tool.name}.baseline`, name: `baseline: ${b.file}`, time: '0.000' })}>`;
  const failed = b.stale.length > 0 && !summary.gate?.partial && summary.gate?.failOn !== 'never';
  const lines = [
    ...b.accepted.map((e) => `accepted: ${e.code} in ${e.scenarios.join(', ')} (${e.reason})`),
    ...b.expired.map((e) => `expired ${e.expires}: ${e.code}${e.scenario ? ` in ${e.scenario}` : ''} (${e.reason})`),
    ...b.stale.map((e) => `stale, remove it: ${e.code}${e.scenario ? ` in ${e.scenario}` : ''} (${e.reason})`),
  ].join('\n');
  const body = failed
    ? `      <failure${attrs({ message: `${b.stale.length} stale baseline ${b.stale.length === 1 ? 'entry' : 'entries'}: ${b.stale.map((e) => e.code).join(', ')}`, type: 'STALE_BASELINE' })}>${escapeXml(lines)}</failure>`
    : `      <system-out>${escapeXml(lines)}</system-out>`;
  return { xml: `${open}\n${body}\n    </testcase>`, failed, skipped: false };
}

function suite(name: string, cases: readonly Case[], durationMs: number, timestamp: string, properties = ''): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const head = `  <testsuite${attrs({ name, tests: cases.length, failures, errors: 0, skipped, time: seconds(durationMs), timestamp: timestamp.replace(/Z$/, '') })}>`;
  return [head, ...(properties ? [properties] : []), ...cases.map((c) => c.xml), '  </testsuite>'].join('\n');
}

/**
 * reports/junit.xml for CI systems other than GitHub (GitLab, Jenkins, Azure): one testcase per scenario, the
 * findings with their fixes in the failure text, and a baseline testcase. Built from summary.json alone.
 */
export function renderJunitXml(summary: Summary): string {
  const byKind = (kind: ScenarioSummary['kind']) => summary.scenarios.filter((s) => s.kind === kind);
  const properties = [
    '    <properties>',
    ...Object.entries({ target: summary.target.url, profile: summary.target.profile, verdict: summary.verdict, version: summary.tool.version }).map(
      ([name, value]) => `      <property${attrs({ name, value })}/>`,
    ),
    '    </properties>',
  ].join('\n');
  const conformance = byKind('conformance').map((s) => scenarioCase(summary, s));
  const baseline = baselineCase(summary);
  const suites = [suite(`conformance ${summary.target.url || '(bundled reference plugin)'}`, baseline ? [...conformance, baseline] : conformance, summary.durationMs, summary.startedAt, properties)];
  const simulated = byKind('simulated').map((s) => scenarioCase(summary, s));
  if (simulated.length) suites.push(suite('simulated targets (harness self-check)', simulated, 0, summary.startedAt));
  const all = [...conformance, ...(baseline ? [baseline] : []), ...simulated];
  const head = `<testsuites${attrs({ name: summary.tool.name, tests: all.length, failures: all.filter((c) => c.failed).length, errors: 0, skipped: all.filter((c) => c.skipped).length, time: seconds(summary.durationMs) })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}\n</testsuites>\n`;
}
