import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { ExchangeDetail, ExchangeSummary, FindingView } from '../wire/view.ts';
import { fetchExchange } from './api.ts';
import { FindingCard } from './finding-card.ts';

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (!entries.length) return html`<p class="empty">no headers recorded</p>`;
  return html`<pre class="headers">${entries.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>`;
}

function Details({ detail }: { detail: ExchangeDetail }) {
  return html`
    <div class="exchange-detail">
      <h4>Request</h4>
      <pre class="request-line">${detail.request.method} ${detail.request.url}</pre>
      <${Headers} headers=${detail.request.headers} />
      ${detail.request.body !== undefined ? html`<pre class="body">${detail.request.body}</pre>` : ''}
      <h4>Response</h4>
      ${detail.response
        ? html`<pre class="status-line">${detail.response.status}${detail.response.truncated ? ` (cut at ${detail.response.bytes} bytes)` : ''}</pre>
            <${Headers} headers=${detail.response.headers} />
            ${detail.response.body ? html`<pre class="body">${detail.response.body}</pre>` : ''}`
        : html`<p>${detail.error ? `${detail.error.kind}: ${detail.error.message}` : 'no response recorded'}</p>`}
      <h4>Reproduce</h4>
      <pre class="curl">${detail.curl}</pre>
    </div>
  `;
}

/** One exchange: a line that expands to its redacted request, response and curl, with the findings it shows beside it. */
export function ExchangeRow({ exchange, findings }: { exchange: ExchangeSummary; findings: readonly FindingView[] }) {
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<ExchangeDetail | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const toggle = async () => {
    const opening = !open;
    setOpen(opening);
    if (opening && !detail) {
      try {
        setDetail(await fetchExchange(exchange.id));
      } catch (err) {
        setProblem(err instanceof Error ? err.message : String(err));
      }
    }
  };
  const id = `exchange-${exchange.id}`;
  // A browser's arrival at a page it was sent to has no status of its own to show.
  const answer = exchange.status ?? exchange.error ?? (exchange.browserHop ? 'navigated' : 'no answer yet');
  return html`
    <li class=${`exchange${exchange.browserHop ? ' hop' : ''}`} data-exchange=${exchange.id}>
      <button type="button" class="exchange-line" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} onClick=${toggle}>
        <span class="xid">${exchange.id}</span> <span class="method">${exchange.method}</span> <span class="label">${exchange.label}</span>
        <span class="answer">→ ${answer}</span> <span class="ms">${exchange.durationMs} ms</span>
      </button>
      <div id=${id} hidden=${!open}>
        <p class="url"><code>${exchange.url}</code></p>
        ${detail ? html`<${Details} detail=${detail} />` : problem ? html`<p class="problem">${problem}</p>` : open ? html`<p>loading…</p>` : ''}
      </div>
      ${findings.map((f) => html`<${FindingCard} finding=${f} />`)}
    </li>
  `;
}
