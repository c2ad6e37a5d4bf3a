import type { Settings } from '../config/settings.ts';
import { HostSession } from '../engine/session.ts';
import type { UserBrowser } from '../browser/install-in-users-browser.ts';
import type { HarnessBrowser } from '../browser/launch-harness-browser.ts';
import { LifecycleAbort } from '../model/lifecycle-abort.ts';
import type { HostProfile } from '../profiles/host-profile.ts';
import { isProfileId, PROFILE_IDS, PROFILES } from '../profiles/registry.ts';
import type { Summary } from '../report/build-summary.ts';
import type { MockHostServer } from '../server/mock-host-server.ts';
import { runStep, type StepEnvironment } from '../steps/run-step.ts';
import { HARNESS_BROWSER_STEPS, stepTitle, type Step } from '../steps/step-vocabulary.ts';
import { appliesToProtocol, type ScenarioFile } from '../../scenarios/scenario-loader.ts';
import { runScenario } from '../../scenarios/run-scenario.ts';
import { exportSession, type SessionExport } from './export-reports.ts';
import { DebuggerBusyError, DebuggerInputError } from './debugger-errors.ts';
import { openTarget, type OpenedTarget } from './open-target.ts';
import { sessionSummary } from './session-result.ts';
import { StepLog } from './step-log.ts';
import { debuggerView } from './debugger-view.ts';
import { redactDeep } from './redact-deep.ts';
import { TokenHistory } from './token-history.ts';
import type { ConfigureRequest, ControlAnswer, TargetChoice } from './wire/controls.ts';
import { exchangeDetailSchema, type DebuggerView, type ExchangeDetail } from './wire/view.ts';

export interface HostDebuggerOptions {
  mockHost: MockHostServer;
  /** The harness's settings (PLUGIN_* from the environment): test account, client, reports dir, fail-on. */
  base: Settings;
  /** The conformance scenario files the page can run. */
  scenarios: readonly ScenarioFile[];
  /** Where exports go (default: the reports dir's `debugger/`, so a session never overwrites a run's reports). */
  reportsDir?: string;
  /** Starts the harness's browser the first time a probe needs it; without it those probes stop, saying so. */
  launchHarnessBrowser?: () => Promise<HarnessBrowser>;
}

/** One configuration's session: the target, the engine's session on it, and what the debugger keeps beside it. */
export interface Run {
  config: ConfigureRequest;
  profile: HostProfile;
  target: OpenedTarget;
  session: HostSession;
  steps: StepLog;
  tokens: TokenHistory;
  scenario?: { file: ScenarioFile; status: NonNullable<DebuggerView['scenario']>['status']; reason?: string };
  startedAt: Date;
  stopListening: () => void;
}

const BROADCAST_DELAY_MS = 25;

/** The page's secret is in the target's settings once it started; the configuration kept beside it holds none. */
function withoutSecret(choice: TargetChoice): TargetChoice {
  if (choice.kind !== 'url') return choice;
  const { clientSecret: _secret, ...rest } = choice;
  return rest;
}

/**
 * The mock host as an OAuth debugger: one session at a time against one target, driven step by step from the page
 * (or by a scenario file) through the same dispatcher as `npm test` (runStep), and watched live. It holds the state
 * the page shows; the page holds none. Steps run one at a time: a control while one runs is refused, except
 * cancelling an install that waits for the browser.
 */
export class HostDebugger {
  readonly #options: HostDebuggerOptions;
  #run?: Run;
  #busy?: { action: string; title: string };
  #pendingInstall?: { startUrl: string };
  #problem?: string;
  #lastExport?: SessionExport;
  #harness?: Promise<HarnessBrowser>;
  readonly #listeners = new Set<(view: DebuggerView) => void>();
  #scheduled?: NodeJS.Timeout;

  constructor(options: HostDebuggerOptions) {
    this.#options = options;
  }

  /** Starts the target of `config` and a fresh session on it; the previous session and its bundled target end. */
  async configure(config: ConfigureRequest): Promise<void> {
    this.#refuseWhileBusy();
    if (!isProfileId(config.profile)) throw new DebuggerInputError(`unknown host profile "${config.profile}"; expected one of ${PROFILE_IDS.join(', ')}`);
    const profile = PROFILES[config.profile];
    this.#busy = { action: 'configure', title: `configure: ${profile.displayName} against ${config.target.kind === 'reference' ? 'the bundled target' : config.target.url}` };
    this.#changed();
    try {
      const previous = this.#run;
      const target = await openTarget(config.target, profile, this.#options.base, previous?.target.settings);
      if (previous) await this.#end(previous, { keepTarget: false });
      this.#run = this.#begin({ profile: config.profile, target: withoutSecret(config.target) }, profile, target);
      this.#problem = undefined;
      this.#lastExport = undefined;
    } catch (err) {
      this.#problem = err instanceof Error ? err.message : String(err);
      throw err;
    } finally {
      this.#busy = undefined;
      this.#changed();
    }
  }

  /**
   * Runs one control through runStep (discovering first when an install or a call needs it). Resolves when the step
   * is over, or as soon as an install waits for this browser (`startUrl`: where the page sends it).
   */
  async step(step: Step): Promise<ControlAnswer> {
    const run = this.#idleRun();
    const steps: Step[] = !run.session.target && ['install', 'reconnect', 'use'].includes(step.action) ? [{ action: 'discover' }, step] : [step];
    let browserWanted!: (startUrl: string) => void;
    const wanted = new Promise<string>((resolve) => (browserWanted = resolve));
    this.#busy = { action: step.action, title: stepTitle(step) };
    this.#changed();
    const done = (async () => {
      try {
        let note = '';
        for (const s of steps) {
          const env = await this.#environment(run, s, browserWanted);
          note = await run.steps.run(s, 'control', () => runStep(s, env));
        }
        return { ok: true, note: run.session.secrets.redact(note) };
      } catch (err) {
        return this.#answerOf(run, err);
      } finally {
        this.#busy = undefined;
        this.#changed();
      }
    })();
    return Promise.race([done, wanted.then((startUrl) => ({ ok: true, note: 'sign in at the target in this browser: the install goes on when it comes back to the mock host', startUrl }))]);
  }

  /** Starts a scenario file on a fresh session (same profile and target) and returns; the page watches it run. */
  async runScenario(id: string): Promise<ControlAnswer> {
    const previous = this.#idleRun();
    const file = this.#options.scenarios.find((s) => s.id === id);
    if (!file) throw new DebuggerInputError(`no scenario "${id}"; expected one of ${this.#options.scenarios.map((s) => s.id).join(', ')}`);
    if (!appliesToProtocol(file, previous.profile.protocol)) throw new DebuggerInputError(`${id} is about ${file.requiresProtocol} hosts; ${previous.profile.displayName} is not one`);
    this.#busy = { action: 'scenario', title: `scenario ${file.id}: ${file.title}` };
    await this.#end(previous, { keepTarget: true });
    const run = this.#begin(previous.config, previous.profile, previous.target);
    run.scenario = { file, status: 'running' };
    this.#run = run;
    this.#lastExport = undefined;
    this.#changed();
    void (async () => {
      try {
        const harness = file.steps.some((s) => HARNESS_BROWSER_STEPS.has(s.action)) ? await this.#harnessBrowser() : undefined;
        const result = await runScenario({
          scenario: file,
          session: run.session,
          ...(harness ? { context: harness.context } : {}),
          userBrowser: this.#userBrowser(),
          mockHost: this.#options.mockHost,
          // The page shows exchanges and findings by step itself; the steps only need recording.
          reporting: { step: (_title, body, step) => run.steps.run(step, 'scenario', body), attach: async () => undefined },
        });
        run.scenario = { file, status: result.status, ...(result.reason ? { reason: result.reason } : {}) };
      } catch (err) {
        run.scenario = { file, status: 'failed', reason: run.session.secrets.redact(`the harness failed: ${err instanceof Error ? err.message : String(err)}`) };
        console.error(run.session.secrets.redact(err instanceof Error ? (err.stack ?? err.message) : String(err)));
      } finally {
        this.#busy = undefined;
        this.#changed();
      }
    })();
    return { ok: true, note: `running ${file.id}` };
  }

  /** Gives up on the install waiting for the browser; its step stops as inconclusive. */
  cancelInstall(): ControlAnswer {
    const pending = this.#pendingInstall;
    if (!pending) return { ok: false, note: 'no install is waiting for the browser' };
    this.#options.mockHost.abandon(pending.startUrl, 'the install was cancelled in the debugger');
    return { ok: true, note: 'cancelled' };
  }

  /** Writes the session as the usual reports (summary.json, summary.md, junit.xml, Allure). */
  async export(options: { html: boolean }): Promise<SessionExport> {
    const run = this.#idleRun();
    this.#busy = { action: 'export', title: 'export: write the reports' };
    this.#changed();
    try {
      this.#lastExport = await exportSession(this.#debugged(run), { dir: this.#options.reportsDir ?? `${run.session.settings.reportsDir}/debugger`, html: options.html });
      return this.#lastExport;
    } finally {
      this.#busy = undefined;
      this.#changed();
    }
  }

  /** summary.json of the session as it stands, for download. */
  summary(): Summary {
    const run = this.#requireRun();
    return redactDeep(sessionSummary(this.#debugged(run)), (text) => run.session.secrets.redact(text));
  }

  /** Everything the page shows, redacted with every secret the session knows, checked against the shared schema. */
  view(): DebuggerView {
    return debuggerView({
      run: this.#requireRun(),
      scenarios: this.#options.scenarios,
      ...(this.#busy ? { busy: this.#busy } : {}),
      ...(this.#pendingInstall ? { pendingInstall: this.#pendingInstall } : {}),
      ...(this.#lastExport ? { lastExport: this.#lastExport } : {}),
      ...(this.#problem ? { problem: this.#problem } : {}),
    });
  }

  /** One exchange of the session in full (redacted), with its reproduction; undefined for an unknown id. */
  exchange(id: string): ExchangeDetail | undefined {
    const { session } = this.#requireRun();
    const x = session.recorder.exchanges().find((e) => e.id === id);
    if (!x) return undefined;
    return exchangeDetailSchema.parse(redactDeep({ ...x, curl: session.recorder.curlOf(id) || x.curl }, (text) => session.secrets.redact(text)));
  }

  /** Called with the new view after every change (debounced); returns the unsubscribe. */
  subscribe(listener: (view: DebuggerView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.#scheduled);
    this.#listeners.clear();
    if (this.#pendingInstall) this.#options.mockHost.abandon(this.#pendingInstall.startUrl, 'the debugger closed');
    if (this.#run) await this.#end(this.#run, { keepTarget: false });
    this.#run = undefined;
    const harness = this.#harness;
    this.#harness = undefined;
    if (harness) await (await harness.catch(() => undefined))?.close();
  }

  #begin(config: ConfigureRequest, profile: HostProfile, target: OpenedTarget): Run {
    const { mockHost } = this.#options;
    const session = new HostSession({
      scenario: 'debugger',
      profile,
      settings: target.settings,
      origin: target.origin,
      hostOrigin: mockHost.origin,
      documents: mockHost,
      ...(target.targetClock ? { targetClock: target.targetClock } : {}),
    });
    mockHost.track(session);
    const changed = () => this.#changed();
    const stops = [session.events.subscribe(changed), session.recorder.subscribe(changed)];
    return { config, profile, target, session, steps: new StepLog(session, changed), tokens: new TokenHistory(session), startedAt: new Date(), stopListening: () => stops.forEach((stop) => stop()) };
  }

  async #end(run: Run, options: { keepTarget: boolean }): Promise<void> {
    run.stopListening();
    run.tokens.dispose();
    this.#options.mockHost.untrack(run.session);
    await run.session.dispose();
    if (!options.keepTarget) await run.target.close();
  }

  #debugged(run: Run) {
    return { session: run.session, steps: run.steps.records(), ...(run.scenario ? { scenario: run.scenario.file } : {}), startedAt: run.startedAt };
  }

  /** The environment of one step: the user's browser for installs, the harness's for the probes that need one. */
  async #environment(run: Run, step: Step, browserWanted: (startUrl: string) => void): Promise<StepEnvironment> {
    const harness = HARNESS_BROWSER_STEPS.has(step.action) ? await this.#harnessBrowser() : undefined;
    return { session: run.session, mockHost: this.#options.mockHost, userBrowser: this.#userBrowser(browserWanted), ...(harness ? { context: harness.context } : {}) };
  }

  #userBrowser(wanted?: (startUrl: string) => void): UserBrowser {
    return {
      open: (startUrl) => {
        this.#pendingInstall = { startUrl };
        this.#changed();
        wanted?.(startUrl);
      },
      closed: () => {
        this.#pendingInstall = undefined;
        this.#changed();
      },
    };
  }

  #harnessBrowser(): Promise<HarnessBrowser> | undefined {
    const launch = this.#options.launchHarnessBrowser;
    if (!launch) return undefined;
    // A launch that failed (no Chromium) is tried again next time, not remembered.
    this.#harness ??= launch().catch((err: unknown) => {
      this.#harness = undefined;
      throw err;
    });
    return this.#harness;
  }

  #answerOf(run: Run, err: unknown): ControlAnswer {
    if (err instanceof LifecycleAbort) return { ok: false, note: run.session.secrets.redact(err.message) };
    // A harness bug: its stack goes to the console (redacted: it may quote the target), the page gets one line.
    console.error(run.session.secrets.redact(err instanceof Error ? (err.stack ?? err.message) : String(err)));
    return { ok: false, note: run.session.secrets.redact(`the harness failed: ${err instanceof Error ? err.message : String(err)}`) };
  }

  #requireRun(): Run {
    if (!this.#run) throw new Error('the debugger has no session: configure it first');
    return this.#run;
  }

  #refuseWhileBusy(): void {
    if (this.#busy) throw new DebuggerBusyError(`wait for "${this.#busy.title}" to finish${this.#pendingInstall ? ', or cancel the install' : ''}`);
  }

  #idleRun(): Run {
    this.#refuseWhileBusy();
    return this.#requireRun();
  }

  #changed(): void {
    if (this.#scheduled || !this.#listeners.size) return;
    this.#scheduled = setTimeout(() => {
      this.#scheduled = undefined;
      if (!this.#run) return;
      const view = this.view();
      for (const listener of this.#listeners) listener(view);
    }, BROADCAST_DELAY_MS);
  }
}
