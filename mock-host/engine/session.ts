import { randomUUID } from 'node:crypto';
import { VirtualClock } from './virtual-clock.ts';
import type { Settings } from '../config/settings.ts';
import { EventLog } from '../events/event-log.ts';
import type { HostEvent } from '../events/host-event.ts';
import { FindingCollector, type FindingDraft } from '../findings/finding.ts';
import type { FindingCode } from '../findings/catalog.ts';
import type { AuthorizationRequest } from '../model/authorization.ts';
import type { Credentials } from '../model/credentials.ts';
import { LifecycleAbort, type AbortAttachment } from '../model/lifecycle-abort.ts';
import type { ProviderId } from '../model/provider-id.ts';
import type { AuthConfig, PluginTarget } from '../model/target.ts';
import { buildAuthorizationRequest } from '../oauth/authorization-request.ts';
import type { KeptRegistrations } from '../oauth/kept-registrations.ts';
import type { DocumentPublisher, HostProfile, OAuthClient } from '../profiles/host-profile.ts';
import { Recorder } from '../recorder/recorder.ts';
import type { ResponseCache } from '../recorder/response-cache.ts';
import { SecretRegistry } from '../recorder/secrets.ts';
import { detectProvider } from '../checks/provider/detect-provider.ts';
import { discover } from './discover.ts';
import { PendingStates } from './pending-installs.ts';
import { SignInTurn } from './sign-in-turn.ts';

export type OAuthConfig = Extract<AuthConfig, { type: 'oauth' }>;

export interface SessionInit {
  scenario: string;
  profile: HostProfile;
  settings: Settings;
  /** The target's URL (PLUGIN_URL or the bundled target's URL). */
  origin: string;
  /** The mock host's own origin, for the `local` redirect mode. */
  hostOrigin?: string;
  clock?: VirtualClock;
  /** A simulated target's own clock, so probes can outlive its tokens without waiting. */
  targetClock?: TargetClock;
  /** Where the host serves documents the target fetches (the mock host). */
  documents?: DocumentPublisher;
  /** The run's copies of the documents every scenario reads alike (one per target and run). */
  responses?: ResponseCache;
  /** The clients the run's hosts registered at this target and keep (one per host and registration body). */
  registrations?: KeptRegistrations;
}

export interface TargetClock {
  advance(seconds: number): void;
}

/**
 * One installation of one target in the mock host: everything the host keeps per user and target. The scenario
 * steps, the Express routes and the debugger all act on a session; nothing here knows about Playwright. The
 * host's behaviour is the profile's: the session runs its flow's strategies and records what happened as events.
 */
export class HostSession {
  readonly scenario: string;
  readonly profile: HostProfile;
  readonly settings: Settings;
  readonly origin: string;
  readonly hostOrigin?: string;
  readonly clock: VirtualClock;
  readonly targetClock?: TargetClock;
  readonly documents?: DocumentPublisher;
  readonly registrations?: KeptRegistrations;
  readonly secrets = new SecretRegistry();
  readonly recorder: Recorder;
  readonly findings: FindingCollector;
  readonly events: EventLog;
  readonly conversationId = randomUUID();
  readonly ephemeralUserId = randomUUID();
  /**
   * Where the time went, for the benchmark: time in the browser (HTTP inside it included), waiting for the sign-in
   * turn, sign-ins from scratch, and the quickest browser authorization that signed in. `loginRounds`: sign-in or
   * allow buttons the generic login pressed (a scenario's claims count them). `codeCallbacks`: authorizations whose
   * browser reached the callback with a code, so it got through login and consent (its state is worth keeping).
   */
  readonly metrics: { browserMs: number; turnWaitMs: number; signIns: number; loginRounds: number; codeCallbacks: number; fastestSignInMs?: number } = {
    browserMs: 0,
    turnWaitMs: 0,
    signIns: 0,
    loginRounds: 0,
    codeCallbacks: 0,
  };
  /** Codes that stopped the lifecycle: a scenario always reports these, whatever it focuses on. */
  readonly fatalCodes = new Set<FindingCode>();
  /**
   * Against PLUGIN_URL (one real target shared by every worker): this test account's turn to sign in. An
   * authorization takes it just before its page opens; the step that spends the codes gives it back.
   */
  readonly signInTurn?: SignInTurn;
  target?: PluginTarget;
  provider?: ProviderId;
  credentials?: Credentials;
  #client?: Promise<OAuthClient>;
  readonly #disposers: (() => Promise<void>)[] = [];
  readonly #states: PendingStates<AuthorizationRequest>;

  constructor(init: SessionInit) {
    this.scenario = init.scenario;
    this.profile = init.profile;
    this.settings = init.settings;
    this.origin = init.origin.replace(/\/+$/, '');
    this.hostOrigin = init.hostOrigin;
    this.clock = init.clock ?? new VirtualClock();
    if (init.targetClock) this.targetClock = init.targetClock;
    if (init.documents) this.documents = init.documents;
    if (init.registrations) this.registrations = init.registrations;
    this.recorder = new Recorder(this.secrets, 'x', init.responses);
    this.findings = new FindingCollector(init.scenario, init.profile.severityOverrides, (text) => this.secrets.redact(text));
    this.events = new EventLog(() => this.clock.now());
    // The host's own clock: a state issued before `expire` moved it on has outlived its TTL, as it would for real.
    this.#states = new PendingStates(init.profile.flow.authorization.stateTtlSeconds * 1000, () => this.clock.now());
    const s = init.settings;
    if (s.url) this.signInTurn = new SignInTurn(`${s.url}\u0000${s.login.username ?? ''}`);
    this.secrets.add(s.clientSecret, 'client_secret');
    this.secrets.add(s.login.password, 'password');
    this.secrets.add(s.secondLogin?.password, 'password');
    this.secrets.add(s.serviceToken, 'access_token');
    this.secrets.add(s.userToken, 'access_token');
    this.secrets.add(s.verificationToken, 'verification_token');
  }

  emit(event: HostEvent): void {
    this.events.emit(event);
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

  /** Stops the lifecycle when these drafts (already collected) hold an error for this host. */
  stopOnErrors(drafts: readonly FindingDraft[], message: string): void {
    const errors = this.findings.errorCodesOf(drafts);
    if (errors.length) this.abort(message, 'failed', errors);
  }

  /**
   * The real host stops at these errors; where going on is safe (the callback is the host's own), the harness goes on
   * in a diagnostic continuation instead, so one run shows every layer: the blocker stays fatal (it fails the
   * scenario and is the host's verdict), and every later finding says it was seen behind it.
   */
  continuePastErrors(drafts: readonly FindingDraft[]): void {
    const [blocker] = this.findings.errorCodesOf(drafts);
    if (!blocker) return;
    this.fatalCodes.add(blocker);
    this.findings.continuePast(blocker);
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
    this.emit({ type: 'discovered', authType: result.target.auth.type, operations: result.target.operations.length });
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

  /** The redirect URI the host registers and sends (the profile decides: production or the mock host's own). */
  redirectUri(): string {
    return this.profile.flow.redirect.uri(this);
  }

  /** The OAuth client the host acts as, obtained once per session the profile's way. */
  client(): Promise<OAuthClient> {
    this.#client ??= this.profile.flow.client.obtain(this).then((client) => {
      this.secrets.add(client.clientSecret, 'client_secret');
      this.emit({ type: 'client-obtained', clientId: client.clientId, source: client.source, authMethod: client.authMethod });
      return client;
    });
    return this.#client;
  }

  /** Starts an install: a fresh state (and PKCE verifier), remembered until the callback consumes it. */
  async beginInstall(overrides: { redirectUri?: string; scope?: string; parameters?: Partial<Record<string, string | null>> } = {}): Promise<AuthorizationRequest> {
    const auth = this.oauth();
    const { authorization } = this.profile.flow;
    const client = await this.client();
    const request = buildAuthorizationRequest({
      shape: authorization,
      authorizeUrl: auth.authorizeUrl,
      clientId: client.clientId,
      redirectUri: overrides.redirectUri ?? this.redirectUri(),
      scope: overrides.scope ?? authorization.scope(this),
      ...(auth.resource ? { resource: auth.resource } : {}),
      ...(overrides.parameters ? { overrides: overrides.parameters } : {}),
    });
    this.secrets.add(request.codeVerifier, 'code_verifier');
    this.#states.issue(request.state, request);
    return request;
  }

  consumeState(state: string | null): ReturnType<PendingStates<AuthorizationRequest>['consume']> {
    return this.#states.consume(state);
  }

  now(): number {
    return this.clock.now();
  }

  /** Something the host holds open for this install (an MCP session) that must be closed when the scenario ends. */
  onDispose(dispose: () => Promise<void>): void {
    this.#disposers.push(dispose);
  }

  /** Closes what the host holds open for this install. */
  async dispose(): Promise<void> {
    await this.signInTurn?.release();
    for (const dispose of this.#disposers.splice(0)) await dispose().catch(() => undefined);
  }

  /** Moves the host's clock on (and says so in the event log). */
  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.emit({ type: 'clock-moved', seconds, now: this.clock.now() });
  }
}
