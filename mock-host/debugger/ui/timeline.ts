import { html } from 'htm/preact';
import type { DebuggerView, StepView } from '../wire/view.ts';
import { ExchangeRow } from './exchange-row.ts';
import { FindingCard } from './finding-card.ts';
import { clockTime } from './format.ts';

function statusText(step: StepView): string {
  if (step.status !== 'stopped') return step.status;
  return step.outcome === 'failed' ? 'failed' : `stopped (${step.outcome ?? 'stopped'})`;
}

function Step({ step }: { step: StepView }) {
  const loose = step.findings.filter((f) => !f.exchangeId);
  return html`
    <li class=${`step ${step.status} ${step.outcome ?? ''}`} data-seq=${step.seq} data-action=${step.action}>
      <h3><span class="seq">${step.seq}</span> <span class="status">${statusText(step)}</span> ${step.title}${step.source === 'scenario' ? html` <em>(scenario)</em>` : ''}</h3>
      <p class="meta">at ${clockTime(step.startedAt)} on the host's clock</p>
      ${step.note ? html`<p class="note">${step.note}</p>` : ''}
      ${step.exchanges.length
        ? html`<ol class="exchanges">
            ${step.exchanges.map((x) => html`<${ExchangeRow} key=${x.id} exchange=${x} findings=${step.findings.filter((f) => f.exchangeId === x.id)} />`)}
          </ol>`
        : ''}
      ${loose.map((f) => html`<${FindingCard} finding=${f} />`)}
    </li>
  `;
}

/** Every step with its exchanges (browser hops included) and the findings pinned beside what caused them. */
export function Timeline({ view }: { view: DebuggerView }) {
  const { unplaced } = view;
  return html`
    <section class="panel timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="totals">${view.totals.errors} errors, ${view.totals.warnings} warnings, ${view.totals.infos} infos</p>
      ${view.timeline.length ? html`<ol class="steps">${view.timeline.map((s) => html`<${Step} key=${s.seq} step=${s} />`)}</ol>` : html`<p class="empty">No step yet: start with Discover or Install.</p>`}
      ${unplaced.exchanges.length || unplaced.findings.length
        ? html`<div class="unplaced"><h3>Outside any step</h3>
            <ol class="exchanges">${unplaced.exchanges.map((x) => html`<${ExchangeRow} key=${x.id} exchange=${x} findings=${unplaced.findings.filter((f) => f.exchangeId === x.id)} />`)}</ol>
            ${unplaced.findings.filter((f) => !f.exchangeId).map((f) => html`<${FindingCard} finding=${f} />`)}</div>`
        : ''}
    </section>
  `;
}
