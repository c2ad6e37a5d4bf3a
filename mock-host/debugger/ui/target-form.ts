import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { API, type ConfigureRequest, type ControlAnswer } from '../wire/controls.ts';
import type { DebuggerView } from '../wire/view.ts';
import { sendControl } from './api.ts';

type ActionFields = { openapiUrl: string; authorizationUrl: string; tokenUrl: string; scope: string; tokenExchangeMethod: 'default_post' | 'basic_auth_header' };

const given = (value: string) => (value.trim() ? value.trim() : undefined);

/** The configuration the form describes; empty fields are left out (a blank secret keeps the one already set). */
function configuration(profile: string, kind: 'reference' | 'url', url: string, clientId: string, clientSecret: string, action: ActionFields | undefined): ConfigureRequest {
  if (kind === 'reference') return { profile, target: { kind: 'reference' } };
  const id = given(clientId);
  const secret = given(clientSecret);
  const openapiUrl = given(action?.openapiUrl ?? '');
  const authorizationUrl = given(action?.authorizationUrl ?? '');
  const tokenUrl = given(action?.tokenUrl ?? '');
  return {
    profile,
    target: {
      kind: 'url',
      url: url.trim(),
      ...(id ? { clientId: id } : {}),
      ...(secret ? { clientSecret: secret } : {}),
      ...(action
        ? { action: { ...(openapiUrl ? { openapiUrl } : {}), ...(authorizationUrl ? { authorizationUrl } : {}), ...(tokenUrl ? { tokenUrl } : {}), scope: action.scope, tokenExchangeMethod: action.tokenExchangeMethod } }
        : {}),
    },
  };
}

/** Host profile and target: applying them starts a new session (and the bundled target anew). */
export function TargetForm({ view, onAnswer }: { view: DebuggerView; onAnswer: (answer: ControlAnswer) => void }) {
  const t = view.target;
  const [profile, setProfile] = useState(view.profile);
  const [kind, setKind] = useState<'reference' | 'url'>(t.kind);
  const [url, setUrl] = useState(t.kind === 'url' ? t.url : '');
  const [clientId, setClientId] = useState(t.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [action, setAction] = useState<ActionFields>({
    openapiUrl: t.action?.openapiUrl ?? '',
    authorizationUrl: t.action?.authorizationUrl ?? '',
    tokenUrl: t.action?.tokenUrl ?? '',
    scope: t.action?.scope ?? '',
    tokenExchangeMethod: t.action?.tokenExchangeMethod === 'basic_auth_header' ? 'basic_auth_header' : 'default_post',
  });
  // Open while nothing has run yet; afterwards the form stays out of the way of the timeline until asked for.
  const [open] = useState(view.timeline.length === 0);
  const chosen = view.profiles.find((p) => p.id === profile);
  const field = (key: keyof ActionFields) => (event: Event) => setAction({ ...action, [key]: (event.target as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await sendControl(API.configure, configuration(profile, kind, url, clientId, clientSecret, chosen?.needsActionSettings ? action : undefined));
    if (answer.ok) setClientSecret('');
    onAnswer(answer);
  };
  const busy = view.busy !== undefined;
  return html`
    <form class="panel target-form" onSubmit=${submit} aria-labelledby="target-heading">
      <h2 id="target-heading">Host and target</h2>
      <p class="current">
        ${view.profiles.find((p) => p.id === view.profile)?.displayName ?? view.profile} against <code>${t.url}</code>
        ${t.name ? html` (<span class="target-name">${t.name}</span>${t.authType ? `, auth ${t.authType}` : ''})` : ''}
        ${t.bundled ? html`: ${t.bundled}${t.loginUsername ? html`, its test account <code>${t.loginUsername}</code>` : ''}` : ''}
        ${t.client ? html`; client <code>${t.client.clientId}</code> (${t.client.source}, ${t.client.authMethod})` : ''}
      </p>
      <details open=${open}>
      <summary>Change the host or target</summary>
      <div class="fields">
        <label for="profile">Host profile</label>
        <select id="profile" value=${profile} onChange=${(e: Event) => setProfile((e.target as HTMLSelectElement).value)}>
          ${view.profiles.map((p) => html`<option value=${p.id}>${p.id}: ${p.displayName}${p.deprecated ? ' (deprecated)' : ''}</option>`)}
        </select>
        ${chosen ? html`<p class="hint">${chosen.description}${chosen.deprecated ? `; ${chosen.deprecated}` : ''}</p>` : ''}
        <fieldset>
          <legend>Target</legend>
          <label><input type="radio" name="kind" value="reference" checked=${kind === 'reference'} onChange=${() => setKind('reference')} /> the bundled ${chosen?.protocol === 'mcp' ? 'reference MCP server' : 'reference plugin'}</label>
          <label><input type="radio" name="kind" value="url" checked=${kind === 'url'} onChange=${() => setKind('url')} /> ${chosen?.protocol === 'mcp' ? 'an MCP server URL' : 'a plugin URL'}</label>
        </fieldset>
        ${kind === 'url'
          ? html`
              <label for="target-url">${chosen?.protocol === 'mcp' ? 'MCP endpoint, as users type it' : 'Plugin origin (or the API for a GPT Action)'}</label>
              <input id="target-url" type="url" required value=${url} onInput=${(e: Event) => setUrl((e.target as HTMLInputElement).value)} />
              <label for="client-id">Client id ${chosen?.protocol === 'mcp' ? '(optional: without one the host uses CIMD or registers one)' : ''}</label>
              <input id="client-id" autocomplete="off" value=${clientId} onInput=${(e: Event) => setClientId((e.target as HTMLInputElement).value)} />
              <label for="client-secret">Client secret ${t.clientSecretSet ? '(set; leave blank to keep it)' : ''}</label>
              <input id="client-secret" type="password" autocomplete="off" value=${clientSecret} onInput=${(e: Event) => setClientSecret((e.target as HTMLInputElement).value)} />
              ${chosen?.needsActionSettings
                ? html`<fieldset>
                    <legend>GPT Action settings</legend>
                    <label for="openapi-url">OpenAPI URL</label><input id="openapi-url" type="url" required value=${action.openapiUrl} onInput=${field('openapiUrl')} />
                    <label for="authorization-url">Authorization URL</label><input id="authorization-url" type="url" value=${action.authorizationUrl} onInput=${field('authorizationUrl')} />
                    <label for="token-url">Token URL</label><input id="token-url" type="url" value=${action.tokenUrl} onInput=${field('tokenUrl')} />
                    <label for="scope">Scope</label><input id="scope" value=${action.scope} onInput=${field('scope')} />
                    <label for="exchange-method">Token exchange method</label>
                    <select id="exchange-method" value=${action.tokenExchangeMethod} onChange=${field('tokenExchangeMethod')}>
                      <option value="default_post">default (POST request)</option>
                      <option value="basic_auth_header">basic authorization header</option>
                    </select>
                  </fieldset>`
                : ''}
            `
          : ''}
      </div>
      <button type="submit" disabled=${busy}>Start a new session</button>
      </details>
    </form>
  `;
}
