import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { API, type ControlAnswer } from '../wire/controls.ts';
import type { DebuggerView } from '../wire/view.ts';
import { sendControl } from './api.ts';

/** Runs a scenario file's steps on a fresh session, through the same runner as `npm test`; the timeline shows them live. */
export function ScenarioRunner({ view, onAnswer }: { view: DebuggerView; onAnswer: (answer: ControlAnswer) => void }) {
  const [id, setId] = useState(view.scenarios[0]?.id ?? '');
  const chosen = view.scenarios.find((s) => s.id === id);
  const submit = async (event: Event) => {
    event.preventDefault();
    onAnswer(await sendControl(API.scenario, { id }));
  };
  const s = view.scenario;
  return html`
    <form class="panel scenarios" onSubmit=${submit} aria-labelledby="scenario-heading">
      <h2 id="scenario-heading">Scenario files</h2>
      <label for="scenario">Scenario</label>
      <select id="scenario" value=${id} onChange=${(e: Event) => setId((e.target as HTMLSelectElement).value)}>
        ${view.scenarios.map((f) => html`<option value=${f.id}>${f.id}: ${f.title}</option>`)}
      </select>
      ${chosen ? html`<p class="hint">Steps: ${chosen.steps.join(' → ')}</p>` : ''}
      <button type="submit" disabled=${view.busy !== undefined || !chosen}>Run on a fresh session</button>
      ${s ? html`<p class=${`scenario-status ${s.status}`}>Scenario <code>${s.id}</code>: ${s.status}${s.reason ? ` (${s.reason})` : ''}</p>` : ''}
    </form>
  `;
}
