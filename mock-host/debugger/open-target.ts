import type { Settings } from '../config/settings.ts';
import type { TargetClock } from '../engine/session.ts';
import type { HostProfile } from '../profiles/host-profile.ts';
import { profileIdOf } from '../profiles/registry.ts';
import { startReferenceMcpTarget, startReferencePluginTarget } from '../../scenarios/reference-target.ts';
import { DebuggerInputError } from './debugger-errors.ts';
import type { TargetChoice } from './wire/controls.ts';

/** The debugger's target, ready: the settings the host uses with it, and how to let it go. */
export interface OpenedTarget {
  choice: TargetChoice;
  origin: string;
  settings: Settings;
  targetClock?: TargetClock;
  /** What the bundled target is, when the debugger started it. */
  bundled?: string;
  close(): Promise<void>;
}

/**
 * The host's settings for one profile and target: the harness's own (PLUGIN_* from the environment) with the page's
 * choices on top. The browser that installs is the user's own, so the callback must come back to this mock host.
 */
function hostSettings(base: Settings, profile: HostProfile): Settings {
  return { ...base, profiles: [profileIdOf(profile)], profilesGiven: true, redirect: 'local' };
}

/**
 * Starts the bundled target the profile speaks to (the reference MCP server for MCP hosts, the reference plugin for
 * the others, as `npm test` does), or takes the URL the user typed. A blank client secret keeps the previous one for
 * the same client id, so the page never has to hold it.
 */
export async function openTarget(choice: TargetChoice, profile: HostProfile, base: Settings, previous?: Settings): Promise<OpenedTarget> {
  const settings = hostSettings(base, profile);
  if (choice.kind === 'reference') {
    const mcp = profile.protocol === 'mcp';
    const started = mcp ? await startReferenceMcpTarget(settings) : await startReferencePluginTarget(settings);
    return {
      choice,
      origin: started.origin,
      settings: started.settings,
      ...(started.targetClock ? { targetClock: started.targetClock } : {}),
      bundled: mcp ? 'the bundled reference MCP server' : 'the bundled reference plugin',
      close: () => started.close(),
    };
  }
  const secret = choice.clientSecret?.trim() || (previous?.clientId === choice.clientId ? previous?.clientSecret : undefined);
  const { clientId: _id, clientSecret: _secret, ...rest } = settings;
  const action = choice.action ?? {};
  const withTarget: Settings = {
    ...rest,
    url: choice.url,
    ...(choice.clientId ? { clientId: choice.clientId } : {}),
    ...(choice.clientId && secret ? { clientSecret: secret } : {}),
    action: {
      ...(action.openapiUrl ? { openapiUrl: action.openapiUrl } : {}),
      ...(action.authorizationUrl ? { authorizationUrl: action.authorizationUrl } : {}),
      ...(action.tokenUrl ? { tokenUrl: action.tokenUrl } : {}),
      ...(action.scope !== undefined ? { scope: action.scope } : {}),
      tokenExchangeMethod: action.tokenExchangeMethod ?? base.action.tokenExchangeMethod,
    },
  };
  const issues = profile.flow.discovery.settingsIssues?.({ url: withTarget.url, openapiUrl: withTarget.action.openapiUrl }) ?? [];
  if (issues.length) throw new DebuggerInputError(issues.map((i) => `${i.setting === 'PLUGIN_OPENAPI_URL' ? 'the OpenAPI URL' : i.setting}: ${i.message} with the ${profile.displayName} host`).join('; '));
  return { choice, origin: choice.url, settings: withTarget, close: async () => undefined };
}
