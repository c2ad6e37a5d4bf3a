import { escapeHtml } from '../../mock-host/text/html.ts';
import { SCOPE_DESCRIPTIONS } from './scope.ts';

/** HTML pages of the reference plugin. Every value that came from a request or an option goes through escapeHtml. */

export { escapeHtml };

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}
label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}code{background:#eee;padding:0 .2rem}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Reference Todos</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

export interface LoginPageInput {
  returnTo: string;
  username?: string;
  error?: string;
}

export function loginPage({ returnTo, username = '', error }: LoginPageInput): string {
  const alert = error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`;
  // novalidate: a deployment may configure a username that is not an email address.
  return layout(
    'Sign in',
    `<h1>Sign in to Reference Todos</h1>
${alert}
<form method="post" action="/login" novalidate>
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
  requestId: string;
  clientId: string;
  username: string;
  redirectUri: string;
  scope: readonly string[];
}

export function consentPage({ requestId, clientId, username, redirectUri, scope }: ConsentPageInput): string {
  const items = scope
    .map((name) => {
      const description = SCOPE_DESCRIPTIONS[name];
      return `<li><code>${escapeHtml(name)}</code>${description === undefined ? '' : ` · ${escapeHtml(description)}`}</li>`;
    })
    .join('\n');
  const scopeList = scope.length === 0 ? '<p>No specific permissions.</p>' : `<ul>\n${items}\n</ul>`;
  return layout(
    'Authorize',
    `<h1>Authorize access</h1>
<p><strong>${escapeHtml(clientId)}</strong> wants to use your Reference Todos account
(signed in as <strong>${escapeHtml(username)}</strong>).</p>
<p>It asks to:</p>
${scopeList}
<p>You will be sent back to <code>${escapeHtml(redirectUri)}</code>.</p>
<form method="post" action="/oauth/consent">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <button type="submit" name="decision" value="allow">Allow</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form>`,
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

export function homePage(): string {
  return layout(
    'Home',
    `<h1>Reference Todos</h1>
<p>A reference OAuth-protected ChatGPT plugin for the plugin-conformance harness.</p>
<ul>
  <li><a href="/.well-known/ai-plugin.json">Manifest</a></li>
  <li><a href="/openapi.yaml">OpenAPI document</a></li>
  <li><a href="/legal">Legal</a></li>
</ul>`,
  );
}

export function legalPage(): string {
  return layout(
    'Legal',
    `<h1>Legal information</h1>
<p>Reference Todos is a test fixture. It stores todos in memory only and forgets them when it stops.
Contact: support@example.com.</p>`,
  );
}
