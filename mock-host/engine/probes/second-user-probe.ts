import { checkTokensActForTheirUser, type AccountAnswer } from '../../checks/resource-server/user-separation.ts';
import type { ApiOperation } from '../../model/target.ts';
import { probeCall } from '../probe-tokens.ts';
import type { Settings } from '../../config/settings.ts';
import { HostSession } from '../session.ts';

// Read-only tools without input tried per account: each costs two calls.
const MAX_TOOLS = 3;

/** A second install of the same host, as the second test account: its own client, browser and tokens. */
export function secondAccountSession(session: HostSession, login: { username: string; password: string }): HostSession {
  const second = new HostSession({
    scenario: session.scenario,
    profile: session.profile,
    settings: { ...session.settings, login: { ...login }, secondLogin: {} },
    origin: session.origin,
    clock: session.clock,
    ...(session.hostOrigin ? { hostOrigin: session.hostOrigin } : {}),
    ...(session.targetClock ? { targetClock: session.targetClock } : {}),
    ...(session.documents ? { documents: session.documents } : {}),
  });
  if (session.target) second.target = session.target;
  if (session.provider) second.provider = session.provider;
  return second;
}

/**
 * The second test account, or why the settings alone rule the probe out (none, or none told apart from the first).
 * Known before any step runs, so a scenario built on the probe is skipped before it installs anything.
 */
export function secondAccount(settings: Pick<Settings, 'login' | 'secondLogin'>): { username1: string; login: { username: string; password: string } } | { missing: string } {
  const { username, password } = settings.secondLogin ?? {};
  const username1 = settings.login.username;
  if (!username || !password) return { missing: 'no second test account: set PLUGIN_LOGIN_USERNAME_2 and PLUGIN_LOGIN_PASSWORD_2 to an account other than PLUGIN_LOGIN_USERNAME' };
  if (!username1) return { missing: 'the first test account has no PLUGIN_LOGIN_USERNAME (a login script or saved state signs in), so no answer can be told apart by account' };
  if (username.toLowerCase() === username1.toLowerCase()) return { missing: 'PLUGIN_LOGIN_USERNAME_2 is the same account as PLUGIN_LOGIN_USERNAME' };
  return { username1, login: { username, password } };
}

/**
 * TOKEN_USER_CONFUSION: the second test account (PLUGIN_LOGIN_USERNAME_2) signs in in a browser of its own; then
 * every read-only tool without input (a few) is called with each account's own token. A tool that answers one
 * account with the other's login name, and not its own, acts for the wrong user.
 */
export async function probeRsSecondUser(session: HostSession, install: (second: HostSession) => Promise<void>): Promise<string> {
  if (!session.profile.mcp) return session.abort(`this probe is about MCP servers; ${session.profile.displayName} speaks to legacy plugins`, 'skipped');
  const first = session.credentials;
  if (!first) return session.abort('no credentials: install first', 'inconclusive');
  const login2 = secondAccount(session.settings);
  if ('missing' in login2) return session.abort(login2.missing, 'skipped');

  const tools = (await session.profile.flow.call.operations(session)).filter((op) => !op.needsInput && op.readOnly === true).slice(0, MAX_TOOLS);
  if (!tools.length) return session.abort('no read-only tool without input to compare the accounts with', 'skipped');

  const second = secondAccountSession(session, login2.login);
  let token2: string;
  try {
    await install(second);
    const c = second.credentials;
    if (!c) return session.abort('the second test account got no tokens', 'inconclusive');
    token2 = c.accessToken;
    session.secrets.add(c.accessToken, 'access_token');
    session.secrets.add(c.refreshToken, 'refresh_token');
  } finally {
    await second.dispose();
  }

  const answers: AccountAnswer[] = [];
  const ask = async (op: ApiOperation, account: 1 | 2, name: string, token: string) => {
    const call = await probeCall(session, op, `Bearer ${token}`, `probe ${op.operationId} as test account ${account}`);
    const res = call.outcome.response;
    if (res && res.status >= 200 && res.status < 300 && !call.failureInBody) answers.push({ account, username: name, tool: op.operationId, body: res.body, exchangeId: call.outcome.exchangeId, curl: call.curl });
  };
  for (const op of tools) {
    await ask(op, 1, login2.username1, first.accessToken);
    await ask(op, 2, login2.login.username, token2);
  }
  const drafts = session.findings.run(checkTokensActForTheirUser, { answers });
  const named = answers.filter((a) => a.body.toLowerCase().includes(a.username.toLowerCase())).length;
  return `compared ${tools.map((t) => t.operationId).join(', ')} for two accounts: ${drafts.length ? `${drafts.length} answer(s) for the wrong user` : named ? 'each answer names its own account' : 'no answer names an account (inconclusive for identity; nothing wrong seen)'}`;
}
