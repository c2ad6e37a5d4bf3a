import type { RunningOidcMcpServer } from '../../../examples/oidc-mcp-server/start.ts';
import { expect } from './fixtures.ts';
import { postForm, request, required, type HttpResult } from './http.ts';
import { newPkce, type Pkce } from './oauth.ts';

/** Drives oidc-provider's dev interactions (login, then consent) with plain fetch and a cookie jar. */

class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(result: HttpResult): void {
    for (const cookie of result.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      // oidc-provider clears cookies by setting them empty with a past expiry.
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The one form of a dev-interaction page: its action and every named input with its value. */
function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = required(/<form[^>]*action="([^"]+)"/.exec(html)?.[1], `a form in ${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (name !== undefined) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
  }
  return { action: action.replaceAll('&amp;', '&'), fields };
}

export interface OidcAuthorization {
  readonly callback: URL;
  readonly pkce: Pkce;
}

/**
 * authorize → login (any name) → consent → the redirect back, following oidc-provider's 303s by hand until the
 * Location is the client's redirect URI.
 */
export async function authorizeWithOidc(
  server: RunningOidcMcpServer,
  parameters: Readonly<Record<string, string | undefined>>,
  login = 'demo@example.com',
): Promise<OidcAuthorization> {
  const pkce = newPkce();
  const url = new URL(`${server.issuer}/auth`);
  const all = { response_type: 'code', code_challenge: pkce.challenge, code_challenge_method: 'S256', state: 'oidc-state', ...parameters };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(name, value);
  const redirectUri = required(parameters['redirect_uri'], 'a redirect_uri');
  const jar = new CookieJar();
  let next: string = url.href;
  let body: Record<string, string> | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const result = body === undefined ? await request(next, { headers: { cookie: jar.header() } }) : await postForm(next, body, { cookie: jar.header() });
    jar.take(result);
    body = undefined;
    const location = result.headers.get('location');
    if (location !== null) {
      const target = new URL(location, next);
      if (target.href.startsWith(redirectUri)) return { callback: target, pkce };
      next = target.href;
      continue;
    }
    expect(result.status, `${next}\n${result.text.replace(/<style>[\s\S]*<\/style>/, "").slice(0, 1500)}`).toBe(200);
    const form = readForm(result.text);
    next = new URL(form.action, next).href;
    body = { ...form.fields, ...('login' in form.fields ? { login, password: 'any-password' } : {}) };
  }
  throw new Error('oidc-provider did not redirect back within 12 hops');
}
