import type { HostProfile } from '../profiles/host-profile.ts';
import { PROFILE_IDS, PROFILES } from '../profiles/registry.ts';
import { appliesToProtocol, type ScenarioFile } from '../../scenarios/scenario-loader.ts';
import type { Run } from './host-debugger.ts';
import { redactDeep } from './redact-deep.ts';
import { buildTimeline } from './timeline.ts';
import { debuggerViewSchema, type DebuggerView, type ProfileOption } from './wire/view.ts';

/** What the debugger holds beside its session that the page shows. */
export interface ViewSource {
  run: Run;
  scenarios: readonly ScenarioFile[];
  busy?: NonNullable<DebuggerView['busy']>;
  pendingInstall?: NonNullable<DebuggerView['pendingInstall']>;
  lastExport?: NonNullable<DebuggerView['lastExport']>;
  problem?: string;
}

export function profileOption(profile: HostProfile): ProfileOption {
  // A discovery that cannot do without the OpenAPI URL reads the GPT editor's fields (PLUGIN_OPENAPI_URL and the rest).
  const needsActionSettings = (profile.flow.discovery.settingsIssues?.({ url: 'https://target.invalid' }) ?? []).some((i) => i.setting === 'PLUGIN_OPENAPI_URL');
  return {
    id: profile.id,
    displayName: profile.displayName,
    protocol: profile.protocol,
    description: profile.description,
    ...(profile.deprecated ? { deprecated: `retires ${profile.deprecated.retires}; ${profile.deprecated.replacement}` } : {}),
    needsActionSettings,
  };
}

function targetView(run: Run): DebuggerView['target'] {
  const { session, profile, target } = run;
  const s = target.settings;
  const client = session.events.ofType('client-obtained').at(-1);
  return {
    kind: run.config.target.kind,
    ...(target.bundled ? { bundled: target.bundled } : {}),
    url: target.origin,
    ...(session.target ? { name: session.target.nameForHuman, authType: session.target.auth.type } : {}),
    ...(s.clientId ? { clientId: s.clientId } : {}),
    clientSecretSet: !!s.clientSecret,
    ...(client ? { client: { clientId: client.clientId, source: client.source, authMethod: client.authMethod } } : {}),
    ...(profileOption(profile).needsActionSettings ? { action: { ...s.action } } : {}),
    ...(s.login.username ? { loginUsername: s.login.username } : {}),
  };
}

/**
 * The view the page renders and the event stream sends: built from the session as it stands, then every string
 * redacted with every secret the session knows by now (a token learnt late may sit in an early text), then checked
 * against the schema the page checks it with.
 */
export function debuggerView(source: ViewSource): DebuggerView {
  const { run } = source;
  const { session, profile } = run;
  const findings = session.findings.list();
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const scenario = run.scenario;
  const view: DebuggerView = {
    profiles: PROFILE_IDS.map((id) => profileOption(PROFILES[id])),
    profile: profile.id,
    target: targetView(run),
    ...(source.busy ? { busy: source.busy } : {}),
    ...(source.pendingInstall ? { pendingInstall: source.pendingInstall } : {}),
    ...(scenario ? { scenario: { id: scenario.file.id, title: scenario.file.title, status: scenario.status, ...(scenario.reason ? { reason: scenario.reason } : {}) } } : {}),
    ...buildTimeline(run.steps.records(), session.recorder.exchanges(), findings),
    tokens: run.tokens.panel(),
    operations: (profile.flow.call.known(session) ?? []).map((op) => ({ operationId: op.operationId, method: op.method, needsInput: op.needsInput, ...(op.description ? { description: op.description } : {}) })),
    scenarios: source.scenarios
      .filter((f) => appliesToProtocol(f, profile.protocol))
      .map((f) => ({ id: f.id, title: f.title, steps: f.steps.map((step) => step.action) })),
    totals: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    ...(source.lastExport ? { lastExport: source.lastExport } : {}),
    ...(source.problem ? { problem: source.problem } : {}),
  };
  return debuggerViewSchema.parse(redactDeep(view, (text) => session.secrets.redact(text)));
}
