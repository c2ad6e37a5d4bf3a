import type { BrowserContext } from '@playwright/test';
import { authorizeInBrowser } from '../browser/authorize-in-browser.ts';
import { installInBrowser } from '../browser/install-in-browser.ts';
import { installInUsersBrowser, type UserBrowser } from '../browser/install-in-users-browser.ts';
import { disconnect, revokeTokens } from '../engine/disconnect.ts';
import type { Authorize } from '../engine/probes/authorize-port.ts';
import { probeCodeReuse, probeRedirectUriBinding, probeUnregisteredRedirect, probeWrongClientSecret } from '../engine/probes/code-probes.ts';
import { probeExpiredToken } from '../engine/probes/expired-token-probe.ts';
import { probeAdvertisedEndpoints } from '../engine/probes/advertised-endpoints-probe.ts';
import { probeClientAssertion } from '../engine/probes/assertion-probe.ts';
import { probeDcrInsecureRedirect, probeUnknownClient } from '../engine/probes/client-probes.ts';
import { probeConsentDeny } from '../engine/probes/consent-deny-probe.ts';
import { probePkce } from '../engine/probes/pkce-probe.ts';
import { probeStaleSession } from '../engine/probes/stale-session-probe.ts';
import { probeConcurrentRefresh, probeDeadRefreshToken, probeRefreshRotation } from '../engine/probes/refresh-probes.ts';
import { probeInvalidTokens } from '../engine/probe-tokens.ts';
import { probeRsOrigin, probeRsScopeStepUp, probeRsTokenValidation } from '../engine/probes/rs-probes.ts';
import { probeRsSecondUser, secondAccount } from '../engine/probes/second-user-probe.ts';
import { advancePastExpiry, lostAccessCauses, refreshCredentials } from '../engine/refresh.ts';
import type { HostSession } from '../engine/session.ts';
import type { AuthConfig } from '../model/target.ts';
import { usePlugin } from '../engine/use-plugin.ts';
import type { MockHostServer } from '../server/mock-host-server.ts';
import type { Step } from './step-vocabulary.ts';

export interface StepEnvironment {
  session: HostSession;
  /** The browser the host signs in with (the debugger has one only for the probes that need it). */
  context?: BrowserContext;
  /** The debugger: installs go through the user's own browser and the mock host's callback route. */
  userBrowser?: UserBrowser;
  mockHost?: MockHostServer;
  /** The scenario's `requires.auth`: other targets skip it once discovery has shown their auth type. */
  requiresAuth?: readonly AuthConfig['type'][];
}

function browserOf(env: StepEnvironment): BrowserContext {
  if (!env.context) return env.session.abort("this step needs the harness's own browser, and none was started", 'inconclusive');
  return env.context;
}

/** Probes catch their callbacks in the browser, so the host's own route never consumes a probe's code. */
function browserAuthorize(env: StepEnvironment, how: { consent?: 'allow' | 'deny'; expectRefusal?: boolean } = {}): Authorize {
  const context = browserOf(env);
  return (sent) => authorizeInBrowser({ session: env.session, context, sent, intercept: true, purpose: 'probe', ...how });
}

/**
 * Why these steps cannot run with these settings, known before the first of them (a probe that needs a second test
 * account nobody configured): the scenario is skipped without installing anything. Otherwise undefined.
 */
export function settingsRuleOut(steps: readonly Step[], session: HostSession): string | undefined {
  for (const step of steps) {
    if (step.action !== 'probe-rs-second-user' || !session.profile.mcp) continue;
    const login2 = secondAccount(session.settings);
    if ('missing' in login2) return login2.missing;
  }
  return undefined;
}

/**
 * Runs one step on the engine; returns a one-line note of what happened, for the report. A step that authorized
 * spent its codes by the time it ends (an install as soon as it has): the test account's sign-in turn
 * (engine/sign-in-turn.ts) is given back.
 */
export async function runStep(step: Step, env: StepEnvironment): Promise<string> {
  try {
    return await dispatch(step, env);
  } finally {
    await env.session.signInTurn?.release();
  }
}

async function dispatch(step: Step, env: StepEnvironment): Promise<string> {
  const { session } = env;
  switch (step.action) {
    case 'discover': {
      const target = await session.discover();
      if (env.requiresAuth && !env.requiresAuth.includes(target.auth.type)) {
        return session.abort(`the plugin uses auth type "${target.auth.type}"; this scenario is about ${env.requiresAuth.join(' or ')} plugins`, 'skipped');
      }
      return `auth ${target.auth.type}, ${target.operations.length} operations`;
    }
    case 'install':
      return install(env);
    case 'reconnect': {
      const forgot = disconnect(session);
      return `${forgot}; ${await install(env)}`;
    }
    case 'revoke':
      return revokeTokens(session);
    case 'disconnect':
      return disconnect(session);
    case 'use': {
      const used = await usePlugin(session, step.operation, step.input);
      return `${used.operation.operationId} answered ${used.status}`;
    }
    case 'expire':
      return `clock advanced ${advancePastExpiry(session)} s`;
    case 'advance-clock':
      // Time passes for both sides: a simulated target's idle limits (Keycloak's SSO session) run out too.
      session.advanceClock(step.seconds ?? 0);
      session.targetClock?.advance(step.seconds ?? 0);
      return `clock advanced ${step.seconds} s`;
    case 'refresh': {
      const held = session.credentials;
      if (!held) return session.abort('nothing to refresh: install first', 'inconclusive');
      if (!held.refreshToken) return 'no refresh token held: nothing to refresh';
      if (await refreshCredentials(session)) return 'refreshed';
      return session.abort('the refresh failed', 'failed', lostAccessCauses(session));
    }
    case 'probe-invalid-tokens':
      await probeInvalidTokens(session);
      return 'probed';
    case 'probe-code-reuse':
      return probeCodeReuse(session, browserAuthorize(env));
    case 'probe-wrong-client-secret':
      return probeWrongClientSecret(session, browserAuthorize(env));
    case 'probe-redirect-uri-binding':
      return probeRedirectUriBinding(session, browserAuthorize(env));
    case 'probe-unregistered-redirect-uri':
      return probeUnregisteredRedirect(session, browserAuthorize(env));
    case 'probe-refresh-rotation':
      return probeRefreshRotation(session);
    case 'probe-concurrent-refresh':
      return probeConcurrentRefresh(session);
    case 'probe-expired-token':
      return probeExpiredToken(session);
    case 'probe-pkce':
      return probePkce(session, browserAuthorize(env), browserAuthorize(env, { expectRefusal: true }));
    case 'probe-unknown-client':
      return probeUnknownClient(session);
    case 'probe-dcr-insecure-redirect':
      return probeDcrInsecureRedirect(session);
    case 'probe-advertised-endpoints':
      return probeAdvertisedEndpoints(session);
    case 'probe-client-assertion':
      return probeClientAssertion(session, browserAuthorize(env));
    case 'probe-consent-deny':
      return probeConsentDeny(session, browserAuthorize(env, { consent: 'deny' }));
    case 'probe-rs-token-validation':
      return probeRsTokenValidation(session);
    case 'probe-rs-origin':
      return probeRsOrigin(session);
    case 'probe-rs-scope-step-up':
      return probeRsScopeStepUp(session);
    case 'probe-rs-second-user':
      return probeRsSecondUser(session, (second) => installSecondAccount(env, second));
    case 'probe-stale-session':
      return probeStaleSession(session);
    case 'probe-dead-refresh-token':
      return probeDeadRefreshToken(session);
  }
}

/**
 * The second test account's install: a browser context of its own (the first account's sign-in must not carry
 * over), the mock host's callback route as for any install.
 */
async function installSecondAccount(env: StepEnvironment, second: HostSession): Promise<void> {
  const browser = browserOf(env).browser();
  if (!browser) return env.session.abort('the harness browser cannot open a second context', 'inconclusive');
  const context = await browser.newContext();
  env.mockHost?.track(second);
  try {
    await install({ session: second, context, ...(env.mockHost ? { mockHost: env.mockHost } : {}) });
  } finally {
    env.mockHost?.untrack(second);
    await context.close();
  }
}

/** Authorizes in a browser and exchanges the code: the harness's own browser, or the user's (the debugger). */
async function install(env: StepEnvironment): Promise<string> {
  const { session, mockHost, userBrowser } = env;
  if (session.requireTarget().auth.type !== 'oauth') return `nothing to install for auth type ${session.requireTarget().auth.type}`;
  if (userBrowser && mockHost) await installInUsersBrowser({ session, mockHost, browser: userBrowser });
  else {
    await installInBrowser({
      session,
      context: browserOf(env),
      ...(mockHost ? { hostCallback: (sent) => mockHost.expectCallback(session, sent), abandon: (startUrl) => mockHost.abandon(startUrl) } : {}),
    });
  }
  const c = session.credentials;
  return `installed: access token, ${c?.refreshToken ? 'refresh token' : 'NO refresh token'}, expires_in ${c?.expiresInSeconds ?? 'none'}`;
}
