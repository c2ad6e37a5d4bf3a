import { defaultSettings, type Settings } from '../../../mock-host/config/settings.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import type { AuthorizationRequest } from '../../../mock-host/model/authorization.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';
import { MockHostServer } from '../../../mock-host/server/mock-host-server.ts';

// A port nothing listens on: a token exchange that gets this far fails fast, with no network beyond loopback.
export const CLOSED_PORT_ORIGIN = 'http://127.0.0.1:9';

/** A session whose discovery is already done: an OAuth plugin at `origin` (nothing is fetched until a step runs). */
export function discoveredSession(host: MockHostServer, overrides: Partial<Settings> = {}, origin = CLOSED_PORT_ORIGIN): HostSession {
  const settings = defaultSettings({ clientId: 'client', clientSecret: 'host-security-secret', redirect: 'local', ...overrides });
  const session = new HostSession({ scenario: 'host-security', profile: chatgptPlugin, settings, origin, hostOrigin: host.origin });
  session.target = {
    origin,
    manifestUrl: `${origin}/.well-known/ai-plugin.json`,
    openapiUrl: `${origin}/openapi.json`,
    nameForHuman: 'Plugin',
    auth: { type: 'oauth', authorizeUrl: `${origin}/authorize`, tokenUrl: `${origin}/token`, scope: '', tokenBodyEncoding: 'json', verificationTokens: {} },
    operations: [],
  };
  host.track(session);
  return session;
}

/** The host's own callback URL for this session's plugin, with these query parameters. */
export function callbackUrl(host: MockHostServer, session: HostSession, params: Record<string, string>): string {
  const url = new URL(`${host.origin}/aip/${session.settings.pluginId}/oauth/callback`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export async function startedHost(): Promise<MockHostServer> {
  const host = new MockHostServer();
  await host.start();
  return host;
}

/** An install through the host's own callback route, as a browser starts it: the start URL's cookie ties the callback to it. */
export interface LocalInstall {
  sent: AuthorizationRequest;
  /** 'installed', or the refusal's message. */
  settled: Promise<string>;
  /** The Cookie header the browser would send back with the callback. */
  cookie: string;
  /** Fetches a callback URL as that browser (with its cookie). */
  callback: (url: string) => Promise<Response>;
}

export async function beginLocalInstall(host: MockHostServer, session: HostSession): Promise<LocalInstall> {
  const sent = await session.beginInstall();
  const expected = host.expectCallback(session, sent);
  const settled = expected.done.then(() => 'installed', (err: unknown) => String(err));
  const start = await fetch(expected.startUrl, { redirect: 'manual' });
  if (start.status !== 302 || start.headers.get('location') !== sent.url) throw new Error(`the install start answered ${start.status}`);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { sent, settled, cookie, callback: (url) => fetch(url, { headers: { cookie } }) };
}
