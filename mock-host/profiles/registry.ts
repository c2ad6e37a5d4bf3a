import { chatgptApp } from './chatgpt-app/index.ts';
import { chatgptPlugin } from './chatgpt-plugin/index.ts';
import { claudeCode } from './claude-code/index.ts';
import { claudeConnector } from './claude-connector/index.ts';
import { gptAction } from './gpt-action/index.ts';
import type { HostProfile } from './host-profile.ts';


/** Every host the harness can imitate. A new host is its own folder plus one line here. */
export const PROFILES = {
  'chatgpt-plugin': chatgptPlugin,
  'gpt-action': gptAction,
  'chatgpt-app': chatgptApp,
  'claude-connector': claudeConnector,
  'claude-code': claudeCode,
} as const satisfies Record<string, HostProfile>;

export type ProfileId = keyof typeof PROFILES;
export const PROFILE_IDS = Object.keys(PROFILES) as [ProfileId, ...ProfileId[]];

/** The hosts a run against the bundled targets imitates: the legacy plugin host and every MCP host (gpt-action is retiring). */
export const BUNDLED_RUN_PROFILES: readonly ProfileId[] = ['chatgpt-plugin', 'chatgpt-app', 'claude-connector', 'claude-code'];

/** Every host of a protocol: what a run against an MCP server (or a plugin) imitates when PLUGIN_PROFILE is unset. */
export function profilesOf(protocol: HostProfile['protocol']): ProfileId[] {
  return PROFILE_IDS.filter((id) => PROFILES[id].protocol === protocol && !PROFILES[id].deprecated);
}

export function isProfileId(value: string): value is ProfileId {
  return Object.hasOwn(PROFILES, value);
}

/** The registry id of a profile, also of one derived from it (tightened time bounds keep the id). */
export function profileIdOf(profile: HostProfile): ProfileId {
  if (!isProfileId(profile.id)) throw new Error(`profile ${profile.id} is not in the registry`);
  return profile.id;
}

export type { HostProfile } from './host-profile.ts';
