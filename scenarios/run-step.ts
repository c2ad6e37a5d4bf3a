import type { BrowserContext } from 'playwright';
import { authorizeInBrowser } from '../mock-host/browser/authorize-in-browser.ts';
import { installInBrowser } from '../mock-host/browser/install-in-browser.ts';
import type { Authorize } from '../mock-host/engine/probes/authorize-port.ts';
import { probeCodeReuse, probeRedirectUriBinding, probeUnregisteredRedirect, probeWrongClientSecret } from '../mock-host/engine/probes/code-probes.ts';
import { probeExpiredToken } from '../mock-host/engine/probes/expired-token-probe.ts';
import { probeConcurrentRefresh, probeRefreshRotation } from '../mock-host/engine/probes/refresh-probes.ts';
import { probeInvalidTokens } from '../mock-host/engine/probe-tokens.ts';
import { advancePastExpiry, lostAccessCauses, refreshCredentials } from '../mock-host/engine/refresh.ts';
import type { HostSession } from '../mock-host/engine/session.ts';
import type { AuthConfig } from '../mock-host/model/target.ts';
import { usePlugin } from '../mock-host/engine/use-plugin.ts';
import type { MockHostServer } from '../mock-host/server/mock-host-server.ts';
import type { Step } from './scenario-schema.ts';

export interface StepEnvironment {
  session: HostSession;
  context: BrowserContext;
  mockHost: MockHostServer;
  /** The scenario's `requires.auth`: other targets skip it once discovery has shown their auth type. */
  requiresAuth?: readonly AuthConfig['type'][];
}

/** Probes catch their callbacks in the browser, so the host's own route never consumes a probe's code. */
function browserAuthorize(env: StepEnvironment): Authorize {
  return (sent) => authorizeInBrowser({ session: env.session, context: env.context, sent, intercept: true });
}

export function stepTitle(step: Step): string {
  switch (step.action) {
    case 'discover':
      return 'discover: fetch and check the manifest and the OpenAPI document';
    case 'install':
      return 'install: authorize in the browser, then exchange the code';
    case 'use':
      return `use: call ${step.operation ?? 'an operation'} as the host does`;
    case 'expire':
      return "expire: move the host's clock past the access token's expiry";
    case 'refresh':
      return 'refresh: grant_type=refresh_token now';
    case 'advance-clock':
      return `advance-clock: move the host's clock ${step.seconds} s on`;
    case 'probe-invalid-tokens':
      return 'probe: call the API with a garbage token, no token and a lower-case scheme';
    case 'probe-code-reuse':
      return 'probe: install, then exchange the same code a second time';
    case 'probe-wrong-client-secret':
      return 'probe: exchange a fresh code with a wrong client secret';
    case 'probe-redirect-uri-binding':
      return 'probe: exchange a fresh code with a different redirect_uri';
    case 'probe-unregistered-redirect-uri':
      return 'probe: authorize with an unregistered redirect URI';
    case 'probe-refresh-rotation':
      return 'probe: refresh, then replay the previous refresh token';
    case 'probe-concurrent-refresh':
      return 'probe: two simultaneous refreshes with one refresh token';
    case 'probe-expired-token':
      return "probe: call the API with an access token past its real lifetime";
  }
}

/** Runs one step on the engine; returns a one-line note of what happened, for the report. */
export async function runStep(step: Step, env: StepEnvironment): Promise<string> {
  const { session } = env;
  switch (step.action) {
    case 'discover': {
      const target = await session.discover();
      if (env.requiresAuth && !env.requiresAuth.includes(target.auth.type)) {
        return session.abort(`the plugin uses auth type "${target.auth.type}"; this scenario is about ${env.requiresAuth.join(' or ')} plugins`, 'skipped');
      }
      return `auth ${target.auth.type}, ${target.operations.length} operations`;
    }
    case 'install': {
      if (session.requireTarget().auth.type !== 'oauth') return `nothing to install for auth type ${session.requireTarget().auth.type}`;
      await installInBrowser({
        session,
        context: env.context,
        hostCallback: (sent) => env.mockHost.expectCallback(session, sent),
      });
      const c = session.credentials;
      return `installed: access token, ${c?.refreshToken ? 'refresh token' : 'NO refresh token'}, expires_in ${c?.expiresInSeconds ?? 'none'}`;
    }
    case 'use': {
      const used = await usePlugin(session, step.operation);
      return `${used.operation.operationId} answered ${used.status}`;
    }
    case 'expire':
      return `clock advanced ${advancePastExpiry(session)} s`;
    case 'advance-clock':
      session.clock.advance(step.seconds ?? 0);
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
  }
}
