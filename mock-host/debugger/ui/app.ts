import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { API, type ControlAnswer, type StepRequest } from '../wire/controls.ts';
import type { DebuggerView, StepView } from '../wire/view.ts';
import { sendControl, watchView, type Connection } from './api.ts';
import { Controls } from './controls.ts';
import { ExportPanel } from './export-panel.ts';
import { ScenarioRunner } from './scenario-runner.ts';
import { TargetForm } from './target-form.ts';
import { Timeline } from './timeline.ts';
import { TokenPanel } from './token-panel.ts';

function announcement(step: StepView | undefined): string {
  if (!step) return '';
  return `Step ${step.seq}, ${step.action}: ${step.status}${step.note ? `. ${step.note}` : ''}`;
}

/**
 * The debugger's page. It holds no session state: the mock host sends the whole view on every change, and every
 * control is a request the host answers with one line (or, for an install, where to send this browser).
 */
export function App() {
  const [view, setView] = useState<DebuggerView | undefined>(undefined);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [answer, setAnswer] = useState<ControlAnswer | undefined>(undefined);
  useEffect(() => watchView(setView, setConnection), []);

  const run = async (step: StepRequest) => {
    const answered = await sendControl(API.step, step);
    setAnswer(answered);
    // The install goes on in this browser: to the target's sign-in, then back to the mock host's callback.
    if (answered.startUrl) window.location.assign(answered.startUrl);
  };
  const cancelInstall = async () => setAnswer(await sendControl(API.cancelInstall, {}));

  if (!view) return html`<main class="app"><h1>Mock host debugger</h1><p role="status">Connecting to the mock host…</p></main>`;
  return html`
    <main class="app">
      <header>
        <h1>Mock host debugger</h1>
        <p class=${`connection ${connection}`}>${connection === 'live' ? 'live' : connection === 'connecting' ? 'connecting…' : 'reconnecting…'}</p>
      </header>
      ${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
      <div class="layout">
        <div class="primary">
          <${TargetForm} key=${`${view.profile} ${view.target.kind} ${view.target.url}`} view=${view} onAnswer=${setAnswer} />
          <${Controls} view=${view} run=${run} cancelInstall=${cancelInstall} />
          ${view.pendingInstall
            ? html`<div class="pending" role="status"><p>An install is waiting for this browser. <a href=${view.pendingInstall.startUrl}>Sign in at the target</a>; it comes back here.</p></div>`
            : ''}
          ${view.busy ? html`<p class="busy" role="status">Running: ${view.busy.title}</p>` : ''}
          <p class=${`answer ${answer?.ok === false ? 'failed' : ''}`} aria-live="polite">${answer ? answer.note : ''}</p>
          <p class="visually-hidden" aria-live="polite">${announcement(view.timeline.at(-1))}</p>
          <${Timeline} view=${view} />
        </div>
        <aside class="secondary">
          <${TokenPanel} tokens=${view.tokens} />
          <${ScenarioRunner} key=${view.profile} view=${view} onAnswer=${setAnswer} />
          <${ExportPanel} view=${view} onAnswer=${setAnswer} />
        </aside>
      </div>
    </main>
  `;
}
