import { html } from 'htm/preact';
import type { TokenGeneration, TokenPanel as Panel } from '../wire/view.ts';
import { clockTime, relative } from './format.ts';

function Generation({ g, now }: { g: TokenGeneration; now: number }) {
  const at = g.accessToken;
  return html`
    <dl class="token">
      <dt>Access token</dt><dd><code class="fingerprint">${at.fingerprint}</code> (${at.format === 'jwt' ? 'JWT' : 'opaque'})</dd>
      <dt>Scopes</dt><dd>${g.scope ? g.scope.split(' ').filter(Boolean).map((s) => html`<code class="scope">${s}</code> `) : 'none returned'}</dd>
      <dt>Audience</dt><dd>${at.audience ? at.audience.map((a) => html`<code>${a}</code> `) : at.format === 'jwt' ? 'no aud claim' : 'not readable (opaque token)'}</dd>
      ${at.issuer ? html`<dt>Issuer</dt><dd><code>${at.issuer}</code></dd>` : ''}
      <dt>Received</dt><dd>${clockTime(g.receivedAt)} (${g.source === 'exchange' ? 'code exchange' : `refresh ${g.generation}`})${at.issuedAt ? html`; iat ${clockTime(at.issuedAt)}` : ''}</dd>
      <dt>Expires</dt><dd class="expiry">${g.expiresAt !== undefined ? html`${clockTime(g.expiresAt)} (${relative(g.expiresAt, now)}, lifetime ${g.lifetimeSeconds} s)` : 'never, for the host (no expires_in)'}</dd>
      <dt>Refresh token</dt>
      <dd class="refresh">${g.refreshToken
        ? html`held: <code class="fingerprint">${g.refreshToken.fingerprint}</code>${g.refreshToken.rotated ? ' (rotated by this refresh)' : g.refreshToken.keptFromBefore ? ' (kept from before: the refresh returned none)' : ''}`
        : 'none held'}</dd>
    </dl>
  `;
}

/** What the host holds, as fingerprints (never the tokens), judged on its virtual clock. */
export function TokenPanel({ tokens }: { tokens: Panel }) {
  const c = tokens.current;
  return html`
    <section class="panel tokens" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Tokens</h2>
      <p class="clock">Host clock: ${clockTime(tokens.now)} (${tokens.clockOffsetSeconds ? `${tokens.clockOffsetSeconds} s ahead of real time` : 'real time'})</p>
      ${tokens.resource ? html`<p>Requested for resource <code>${tokens.resource}</code></p>` : ''}
      ${c
        ? html`<p class=${`state ${tokens.expired ? 'expired' : 'valid'}`}>${tokens.expired ? 'The access token has expired on the host clock.' : 'The host holds a valid access token.'}</p><${Generation} g=${c} now=${tokens.now} />`
        : html`<p class="state none">${tokens.dropped ? `No tokens: the host forgot them (${tokens.dropped.reason}) at ${clockTime(tokens.dropped.at)}.` : 'No tokens: not installed yet.'}</p>`}
      ${tokens.lastRotationAt !== undefined ? html`<p>Refresh token last rotated at ${clockTime(tokens.lastRotationAt)}.</p>` : ''}
      ${tokens.history.length > 1
        ? html`<details><summary>Every token the host held (${tokens.history.length})</summary>
            <ol class="history">${tokens.history.map((g) => html`<li><${Generation} g=${g} now=${tokens.now} /></li>`)}</ol></details>`
        : ''}
    </section>
  `;
}
