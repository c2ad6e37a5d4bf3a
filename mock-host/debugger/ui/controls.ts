import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { z } from 'zod';
import type { StepRequest } from '../wire/controls.ts';
import type { DebuggerView } from '../wire/view.ts';

const inputSchema = z.record(z.string(), z.unknown());

/** The arguments typed as JSON: an object, or nothing; anything else is the message to show. */
function parseInput(text: string): { input?: Record<string, unknown>; problem?: string } {
  if (!text.trim()) return {};
  try {
    const parsed = inputSchema.safeParse(JSON.parse(text));
    return parsed.success ? { input: parsed.data } : { problem: 'the input must be a JSON object, e.g. {"title": "milk"}' };
  } catch {
    return { problem: 'the input is not JSON' };
  }
}

/** Every control is one step of the scenario vocabulary, run on the host's engine by the same dispatcher as `npm test`. */
export function Controls({ view, run, cancelInstall }: { view: DebuggerView; run: (step: StepRequest) => void; cancelInstall: () => void }) {
  const [operation, setOperation] = useState('');
  const [inputText, setInputText] = useState('');
  const [seconds, setSeconds] = useState('60');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const busy = view.busy !== undefined;
  const call = (event: Event) => {
    event.preventDefault();
    const parsed = parseInput(inputText);
    setProblem(parsed.problem);
    if (parsed.problem) return;
    run({ action: 'use', ...(operation.trim() ? { operation: operation.trim() } : {}), ...(parsed.input ? { input: parsed.input } : {}) });
  };
  const advance = (event: Event) => {
    event.preventDefault();
    const n = Number(seconds);
    if (!Number.isFinite(n) || n <= 0) return setProblem('seconds must be a number above 0');
    setProblem(undefined);
    run({ action: 'advance-clock', seconds: n });
  };
  const button = (label: string, step: StepRequest, hint: string) =>
    html`<button type="button" disabled=${busy} title=${hint} onClick=${() => run(step)}>${label}</button>`;
  return html`
    <section class="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      <div class="buttons" role="group" aria-label="Lifecycle">
        ${button('Discover', { action: 'discover' }, 'fetch and check what the host reads before an install')}
        ${button('Install', { action: 'install' }, 'sign in at the target in this browser; it comes back to the mock host')}
        ${button('Refresh now', { action: 'refresh' }, 'grant_type=refresh_token now')}
        ${button('Advance to expiry', { action: 'expire' }, "move the host's clock just past the access token's expiry")}
        ${button('Revoke', { action: 'revoke' }, "revoke the host's tokens at the authorization server (RFC 7009), then forget them")}
        ${button('Disconnect', { action: 'disconnect' }, 'forget the tokens without telling the server')}
        ${button('Reconnect', { action: 'reconnect' }, 'forget the tokens and install again')}
        ${view.pendingInstall ? html`<button type="button" class="secondary" onClick=${cancelInstall}>Cancel the install</button>` : ''}
      </div>
      <form class="inline" onSubmit=${call} aria-label="Call an operation or tool">
        <label for="operation">Operation or tool</label>
        <input id="operation" list="operations" placeholder="default: the first that needs no input" value=${operation} onInput=${(e: Event) => setOperation((e.target as HTMLInputElement).value)} />
        <datalist id="operations">
          ${view.operations.map((op) => html`<option value=${op.operationId}>${op.method} ${op.operationId}${op.needsInput ? ' (needs input)' : ''}</option>`)}
        </datalist>
        <label for="call-input">Input (JSON, optional)</label>
        <textarea id="call-input" rows="2" spellcheck="false" value=${inputText} onInput=${(e: Event) => setInputText((e.target as HTMLTextAreaElement).value)}></textarea>
        <button type="submit" disabled=${busy}>Call</button>
      </form>
      <form class="inline" onSubmit=${advance} aria-label="Advance the clock">
        <label for="advance-seconds">Advance the host's clock by (seconds)</label>
        <input id="advance-seconds" type="number" min="1" step="1" value=${seconds} onInput=${(e: Event) => setSeconds((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled=${busy}>Advance</button>
      </form>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
    </section>
  `;
}
