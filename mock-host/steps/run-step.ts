import type { BrowserContext } from '@playwright/test';
import { authorizeInBrowser } from '../browser/authorize-in-browser.ts';
import { installInBrowser } from '../browser/install-in-browser.ts';
import { installInUsersBrowser, type UserBrowser } from '../browser/install-in-users-browser.ts';
import { disconnect, revokeTokens } from '../engine/disconnect.ts';
import type { Authorize } from '../engine/probes/authorize-port.ts';
import { probeCodeReuse, probeRedirectUriBinding, probeUnregisteredRedirect, probeWrongClientSecret } from '../engine/probes/code-probes.ts';
import { probeExpiredToken } from '../engine/probes/expired-token-probe.ts';
import { probeConcurrentRefresh, probeDeadRefreshToken, probeRefreshRotation } from '../engine/probes/refresh-probes.ts';
import { probeInvalidTokens } from '../engine/probe-tokens.ts';
import { advancePastExpiry, lostAccessCauses, refreshCredentials } from '../engine/refresh.ts';
import type { HostSession } from '../engine/session.ts';
import type { AuthConfig } from '../model/target.ts';
import { usePlugin } from '../engine/use-plugin.ts';
import type { MockHostServer } from '../server/mock-host-server.ts';
import { SIGN_IN_STEPS, type Step } from './step-vocabulary.ts';
import { withSignInLock } from '../browser/sign-in-lock.ts';

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
function browserAuthorize(env: StepEnvironment): Authorize {
  const context = browserOf(env);
  return (sent) => authorizeInBrowser({ session: env.session, context, sent, intercept: true, purpose: 'probe' });
}

/**
 * Runs one step on the engine; returns a one-line note of what happened, for the report. Against PLUGIN_URL (one
 * real target shared by every worker) the sign-in steps of one test account never overlap.
 */
export async function runStep(step: Step, env: StepEnvironment): Promise<string> {
  const { url, login } = env.session.settings;
  if (url && SIGN_IN_STEPS.has(step.action)) return withSignInLock(`${url}\u0000${login.username ?? ''}`, () => dispatch(step, env));
  return dispatch(step, env);
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
      session.advanceClock(step.seconds ?? 0);
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
    case 'probe-dead-refresh-token':
      return probeDeadRefreshToken(session);
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
