import { SCOPE_DESCRIPTIONS } from './scopes.ts';

/** HTML pages of the built-in AS. Every value from a request or an option goes through escapeHtml. */

export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#222}
label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;margin-right:.5rem;padding:.5rem 1rem}.error{color:#a00}code{background:#eee;padding:0 .2rem}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Reference MCP Notes</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

export function loginPage({ returnTo, username = '', error }: { returnTo: string; username?: string; error?: string }): string {
  const alert = error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`;
  return layout(
    'Sign in',
    `<h1>Sign in to Reference MCP Notes</h1>
${alert}
<form method="post" action="/login">
  <input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
  <label for="username">Email</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(username)}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>`,
  );
}

export interface ConsentPageInput {
  readonly requestId: string;
  readonly clientName: string;
  readonly username: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
}

export function consentPage({ requestId, clientName, username, redirectUri, scope }: ConsentPageInput): string {
  const items = scope
    .map((name) => {
      const description = SCOPE_DESCRIPTIONS[name];
      return `<li><code>${escapeHtml(name)}</code>${description === undefined ? '' : ` · ${escapeHtml(description)}`}</li>`;
    })
    .join('\n');
  return layout(
    'Authorize',
    `<h1>Authorize access</h1>
<p><strong>${escapeHtml(clientName)}</strong> wants to use your Reference MCP Notes account
(signed in as <strong>${escapeHtml(username)}</strong>).</p>
<p>It asks to:</p>
<ul>
${items}
</ul>
<p>You will be sent back to <code>${escapeHtml(redirectUri)}</code>.</p>
<form method="post" action="/consent">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <button type="submit" name="decision" value="allow">Allow</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** consent-script-redirect: the redirect happens in script after a pause, as some real consent pages do it. */
export function scriptRedirectPage(target: string, nonce: string): string {
  return layout(
    'Redirecting',
    `<h1>Access granted</h1>
<p>Taking you back to the app…</p>
<p><a href="${escapeHtml(target)}">Continue</a></p>
<script nonce="${escapeHtml(nonce)}">setTimeout(function () { window.location.assign(${JSON.stringify(target).replaceAll('<', '\\u003c')}); }, 1500);</script>`,
  );
}

export function errorPage(error: string, description: string): string {
  return layout(
    'Authorization error',
    `<h1>Authorization error</h1>
<p class="error" role="alert"><code>${escapeHtml(error)}</code></p>
<p>${escapeHtml(description)}</p>`,
  );
}

export function homePage(mcpUrl: string): string {
  return layout(
    'Home',
    `<h1>Reference MCP Notes</h1>
<p>A reference OAuth-protected MCP server for the plugin-conformance harness.</p>
<p>MCP endpoint: <code>${escapeHtml(mcpUrl)}</code></p>`,
  );
}
