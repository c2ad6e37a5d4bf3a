import { randomUUID } from 'node:crypto';
import { VirtualClock } from './virtual-clock.ts';
import type { Settings } from '../config/settings.ts';
import { FindingCollector, type FindingDraft } from '../findings/finding.ts';
import type { FindingCode } from '../findings/catalog.ts';
import type { HostProfile } from '../profiles/host-profile.ts';
import { callbackUrl } from '../profiles/host-profile.ts';
import { Recorder } from '../recorder/recorder.ts';
import { SecretRegistry } from '../recorder/secrets.ts';
import { discover } from './discover.ts';
import { detectProvider, type ProviderId } from '../checks/provider/detect-provider.ts';
import { buildAuthorizationRequest, type AuthorizationRequest } from './authorize-url.ts';
import type { Credentials } from '../model/credentials.ts';
import { LifecycleAbort, type AbortAttachment } from '../model/lifecycle-abort.ts';
import { PendingStates } from './pending-installs.ts';
import type { AuthConfig, PluginTarget } from '../model/target.ts';

export type OAuthConfig = Extract<AuthConfig, { type: 'oauth' }>;

export interface SessionInit {
  scenario: string;
  profile: HostProfile;
  settings: Settings;
  /** The target's origin (PLUGIN_URL or the bundled plugin's URL). */
  origin: string;
  /** The mock host's own origin, for the `local` redirect mode. */
  hostOrigin?: string;
  clock?: VirtualClock;
  /** A simulated target's own clock, so probes can outlive its tokens without waiting. */
  targetClock?: TargetClock;
}

export interface TargetClock {
  advance(seconds: number): void;
}

/** What one token request taught the host (for lifecycle checks that compare responses). */
export interface TokenEvent {
  grant: 'authorization_code' | 'refresh_token';
  exchangeId: string;
  ok: boolean;
  scope?: string;
  returnedRefreshToken: boolean;
}

/**
 * One installation of one plugin in the mock host: everything ChatGPT keeps per user and plugin. The scenario
 * steps, the Express routes and the interactive UI all act on a session; nothing here knows about Playwright.
 */
export class HostSession {
  readonly scenario: string;
  readonly profile: HostProfile;
  readonly settings: Settings;
  readonly origin: string;
  readonly hostOrigin?: string;
  readonly clock: VirtualClock;
  readonly targetClock?: TargetClock;
  readonly secrets = new SecretRegistry();
  readonly recorder: Recorder;
  readonly findings: FindingCollector;
  readonly conversationId = randomUUID();
  readonly ephemeralUserId = randomUUID();
  /** Codes that stopped the lifecycle: a scenario always reports these, whatever it focuses on. */
  readonly fatalCodes = new Set<FindingCode>();
  readonly tokenEvents: TokenEvent[] = [];
  target?: PluginTarget;
  provider?: ProviderId;
  credentials?: Credentials;
  readonly #states: PendingStates<AuthorizationRequest>;

  constructor(init: SessionInit) {
    this.scenario = init.scenario;
    this.profile = init.profile;
    this.settings = init.settings;
    this.origin = init.origin.replace(/\/+$/, '');
    this.hostOrigin = init.hostOrigin;
    this.clock = init.clock ?? new VirtualClock();
    if (init.targetClock) this.targetClock = init.targetClock;
    this.recorder = new Recorder(this.secrets);
    this.findings = new FindingCollector(init.scenario, init.profile.severityOverrides, (text) => this.secrets.redact(text));
    // The host's own clock: a state issued before `expire` moved it on has outlived its TTL, as it would for real.
    this.#states = new PendingStates(init.profile.authorize.stateTtlSeconds * 1000, () => this.clock.now());
    const s = init.settings;
    this.secrets.add(s.clientSecret, 'client_secret');
    this.secrets.add(s.login.password, 'password');
    this.secrets.add(s.serviceToken, 'access_token');
    this.secrets.add(s.userToken, 'access_token');
    this.secrets.add(s.verificationToken, 'verification_token');
  }

  /** Stops the lifecycle with these codes marked as the reason. */
  abort(message: string, outcome: LifecycleAbort['outcome'], codes: FindingCode[] = [], attachments: AbortAttachment[] = []): never {
    for (const c of codes) this.fatalCodes.add(c);
    throw new LifecycleAbort(this.secrets.redact(message), outcome, codes, attachments);
  }

  /** Records the finding that breaks the lifecycle here, and stops it. */
  failWith(draft: FindingDraft, message: string): never {
    this.findings.add(draft);
    return this.abort(message, 'failed', [draft.code]);
  }

  async discover(): Promise<PluginTarget> {
    const result = await discover({
      recorder: this.recorder,
      profile: this.profile,
      settings: this.settings,
      findings: this.findings,
      origin: this.origin,
    });
    if (!result.target) {
      const codes = this.findings.list().filter((f) => f.severity === 'error').map((f) => f.code);
      this.abort(`discovery failed: ${result.fatal}`, 'failed', codes);
    }
    this.target = result.target;
    if (result.target.auth.type === 'oauth') {
      const { authorizeUrl, tokenUrl, verificationTokens } = result.target.auth;
      for (const v of Object.values(verificationTokens)) this.secrets.add(v, 'verification_token');
      this.provider = detectProvider({ authorizeUrl, tokenUrl }, this.settings.provider);
    }
    return result.target;
  }

  requireTarget(): PluginTarget {
    if (!this.target) this.abort('the target has not been discovered yet: run the discover step first', 'inconclusive');
    return this.target;
  }

  oauth(): OAuthConfig {
    const target = this.requireTarget();
    if (target.auth.type !== 'oauth') this.abort(`the plugin uses auth type "${target.auth.type}", not oauth`, 'skipped');
    return target.auth;
  }

  /** The redirect URI the host registers: the real host's in production mode, the mock host's own in local mode. */
  redirectUri(): string {
    if (this.settings.redirect === 'local') {
      if (!this.hostOrigin) this.abort('PLUGIN_REDIRECT=local needs the mock host to be running', 'inconclusive');
      return callbackUrl(this.profile, this.hostOrigin, this.settings.pluginId);
    }
    return callbackUrl(this.profile, this.profile.callback.productionOrigin, this.settings.pluginId);
  }

  clientCredentials(): { clientId: string; clientSecret: string } {
    const { clientId, clientSecret } = this.settings;
    if (!clientId || !clientSecret) {
      this.abort('an oauth plugin needs PLUGIN_CLIENT_ID and PLUGIN_CLIENT_SECRET (the OAuth client registered for the host)', 'inconclusive');
    }
    return { clientId, clientSecret };
  }

  /** Starts an install: a fresh state, remembered until the callback consumes it. */
  beginInstall(overrides: { redirectUri?: string; scope?: string } = {}): AuthorizationRequest {
    const auth = this.oauth();
    const request = buildAuthorizationRequest({
      profile: this.profile,
      authorizeUrl: auth.authorizeUrl,
      clientId: this.clientCredentials().clientId,
      redirectUri: overrides.redirectUri ?? this.redirectUri(),
      scope: overrides.scope ?? auth.scope,
    });
    this.#states.issue(request.state, request);
    return request;
  }

  consumeState(state: string | null): ReturnType<PendingStates<AuthorizationRequest>['consume']> {
    return this.#states.consume(state);
  }

  now(): number {
    return this.clock.now();
  }
}
