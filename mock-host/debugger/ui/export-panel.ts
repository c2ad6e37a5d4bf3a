import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { API, type ControlAnswer } from '../wire/controls.ts';
import type { DebuggerView } from '../wire/view.ts';
import { downloadSummary, sendControl } from './api.ts';

/** The session as the usual reports: written to the reports dir, or summary.json downloaded. */
export function ExportPanel({ view, onAnswer }: { view: DebuggerView; onAnswer: (answer: ControlAnswer) => void }) {
  const [withHtml, setWithHtml] = useState(true);
  const exportReports = async (event: Event) => {
    event.preventDefault();
    onAnswer(await sendControl(API.export, { html: withHtml }));
  };
  const download = () => downloadSummary().catch((err: unknown) => onAnswer({ ok: false, note: err instanceof Error ? err.message : String(err) }));
  const last = view.lastExport;
  return html`
    <form class="panel export" onSubmit=${exportReports} aria-labelledby="export-heading">
      <h2 id="export-heading">Reports</h2>
      <label><input type="checkbox" checked=${withHtml} onChange=${(e: Event) => setWithHtml((e.target as HTMLInputElement).checked)} /> with the Allure HTML report</label>
      <div class="buttons">
        <button type="submit" disabled=${view.busy !== undefined}>Export the session</button>
        <button type="button" onClick=${download}>Download summary.json</button>
      </div>
      ${last
        ? html`<div class="last-export"><p>Verdict <strong>${last.verdict}</strong>; written to <code>${last.dir}</code>:</p>
            <ul>${last.files.map((f) => html`<li><code>${f}</code></li>`)}</ul>
            ${last.problems.map((p) => html`<p class="problem">${p}</p>`)}</div>`
        : ''}
    </form>
  `;
}
