import type { Finding } from '../findings/finding.ts';
import type { RecordedExchange } from '../recorder/exchange.ts';
import type { Range, StepRecord } from './step-log.ts';
import type { DebuggerView, ExchangeSummary, FindingView, StepView } from './wire/view.ts';

export function exchangeSummary(x: RecordedExchange): ExchangeSummary {
  return {
    id: x.id,
    phase: x.phase,
    label: x.label,
    method: x.request.method,
    url: x.request.url,
    ...(x.response ? { status: x.response.status } : {}),
    ...(x.error ? { error: `${x.error.kind}: ${x.error.message}` } : {}),
    durationMs: x.durationMs,
    browserHop: x.label.startsWith('browser'),
  };
}

/** A finding beside the first exchange of its evidence that this step recorded; beside the step when there is none. */
function pinned(finding: Finding, stepExchanges: readonly ExchangeSummary[]): FindingView {
  const own = finding.evidence.find((id) => stepExchanges.some((x) => x.id === id));
  return {
    code: finding.code,
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    fix: finding.fix,
    evidence: [...finding.evidence],
    ...(finding.reproduce ? { reproduce: finding.reproduce } : {}),
    ...(finding.behind ? { behind: finding.behind } : {}),
    ...(own ? { exchangeId: own } : {}),
  };
}

function slice<T>(all: readonly T[], range: Range): T[] {
  return all.slice(range.from, range.to ?? all.length);
}

function outcomeOf(record: StepRecord): StepView['outcome'] {
  if (record.harnessError) return 'harness-error';
  return record.abort?.outcome;
}

/**
 * The timeline: each step with the exchanges it recorded and the findings it added, each finding pinned beside the
 * exchange that shows it. Steps run one at a time, so their ranges do not overlap; whatever lies outside every
 * range (nothing, unless something drove the session behind the debugger's back) is listed apart, never dropped.
 */
export function buildTimeline(records: readonly StepRecord[], exchanges: readonly RecordedExchange[], findings: readonly Finding[]): Pick<DebuggerView, 'timeline' | 'unplaced'> {
  const summaries = exchanges.map(exchangeSummary);
  const placedExchanges = new Set<number>();
  const placedFindings = new Set<number>();
  const timeline = records.map((record): StepView => {
    const own = slice(summaries, record.exchanges);
    for (let i = record.exchanges.from; i < (record.exchanges.to ?? summaries.length); i++) placedExchanges.add(i);
    for (let i = record.findings.from; i < (record.findings.to ?? findings.length); i++) placedFindings.add(i);
    const outcome = outcomeOf(record);
    return {
      seq: record.seq,
      action: record.step.action,
      title: record.title,
      source: record.source,
      status: record.status,
      ...(outcome ? { outcome } : {}),
      ...(record.note !== undefined ? { note: record.note } : {}),
      startedAt: record.startedAt,
      ...(record.finishedAt !== undefined ? { finishedAt: record.finishedAt } : {}),
      exchanges: own,
      findings: slice(findings, record.findings).map((f) => pinned(f, own)),
    };
  });
  return {
    timeline,
    unplaced: {
      exchanges: summaries.filter((_, i) => !placedExchanges.has(i)),
      findings: findings.filter((_, i) => !placedFindings.has(i)).map((f) => pinned(f, [])),
    },
  };
}
