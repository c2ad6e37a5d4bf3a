import { html } from 'htm/preact';
import type { FindingView } from '../wire/view.ts';

/** One finding with its fix and reproduction; everything in it came from the target and renders as text. */
export function FindingCard({ finding }: { finding: FindingView }) {
  return html`
    <div class=${`finding ${finding.severity}`} data-code=${finding.code}>
      <p class="finding-head"><span class="severity">${finding.severity}</span> <code>${finding.code}</code> ${finding.title}${finding.behind ? html` <em>(behind ${finding.behind}: the host stops there first)</em>` : ''}</p>
      <p class="message">${finding.message}</p>
      <p class="fix"><strong>Fix:</strong> ${finding.fix}</p>
      ${finding.reproduce ? html`<details><summary>Reproduce</summary><pre class="curl">${finding.reproduce}</pre></details>` : ''}
      ${finding.evidence.length ? html`<p class="evidence">Evidence: ${finding.evidence.join(', ')}</p>` : ''}
    </div>
  `;
}
