import { z } from 'zod';
import type { Settings } from '../mock-host/config/settings.ts';
import { PROFILES, type HostProfile, type ProfileId } from '../mock-host/profiles/registry.ts';
import { withTightenedTimeouts } from '../mock-host/profiles/tightened-timeouts.ts';

const PROFILE_IDS = Object.keys(PROFILES) as [ProfileId, ...ProfileId[]];
const milliseconds = z.number().int().positive();

/**
 * `host:` of a simulated scenario: which host it imitates. A simulated scenario's expectations hold for one
 * profile, so it names it rather than inherit PLUGIN_PROFILE; conformance scenarios take the host from the settings.
 */
export const simulatedHostSchema = z
  .strictObject({
    profile: z.enum(PROFILE_IDS).default('chatgpt-plugin').describe('the host profile (default chatgpt-plugin)'),
    'token-exchange-method': z
      .enum(['default_post', 'basic_auth_header'])
      .optional()
      .describe("gpt-action: the GPT editor's Token Exchange Method (PLUGIN_TOKEN_EXCHANGE_METHOD)"),
    'slow-api-warning-ms': milliseconds.optional().describe("shrinks the profile's API_SLOW warning bound, so a self-test need not wait 10 s"),
    'api-timeout-ms': milliseconds.optional().describe("shrinks the profile's API timeout, so a self-test need not wait 45 s"),
    'discovery-timeout-ms': milliseconds.optional().describe("shrinks the profile's manifest/OpenAPI fetch timeout (15 s)"),
    'token-timeout-ms': milliseconds.optional().describe("shrinks the profile's token endpoint timeout (15 s)"),
    'browser-navigation-timeout-ms': milliseconds.optional().describe("shrinks the profile's browser navigation timeout (30 s)"),
  })
  .superRefine((host, ctx) => {
    const profile = PROFILES[host.profile];
    const bounds = [
      ['slow-api-warning-ms', host['slow-api-warning-ms'], profile.timeouts.slowApiWarningMs],
      ['api-timeout-ms', host['api-timeout-ms'], profile.timeouts.apiMs],
      ['discovery-timeout-ms', host['discovery-timeout-ms'], profile.timeouts.discoveryMs],
      ['token-timeout-ms', host['token-timeout-ms'], profile.timeouts.tokenMs],
      ['browser-navigation-timeout-ms', host['browser-navigation-timeout-ms'], profile.timeouts.browserNavigationMs],
    ] as const;
    for (const [key, ms, own] of bounds) {
      if (ms !== undefined && ms > own) ctx.addIssue({ code: 'custom', path: [key], message: `${ms} ms is above the ${host.profile} profile's ${own} ms: bounds can only be tightened` });
    }
    if (host['token-exchange-method'] && host.profile !== 'gpt-action') {
      ctx.addIssue({ code: 'custom', path: ['token-exchange-method'], message: 'only GPT Actions have a token exchange method' });
    }
  });

/** The validated `host:` block, with the profile default applied. */
export interface SimulatedHost {
  profile: ProfileId;
  tokenExchangeMethod?: Settings['action']['tokenExchangeMethod'];
  slowApiWarningMs?: number;
  apiTimeoutMs?: number;
  discoveryTimeoutMs?: number;
  tokenTimeoutMs?: number;
  browserNavigationTimeoutMs?: number;
}

export function toSimulatedHost(input: z.output<typeof simulatedHostSchema> | undefined): SimulatedHost {
  if (!input) return { profile: 'chatgpt-plugin' };
  return {
    profile: input.profile,
    ...(input['token-exchange-method'] ? { tokenExchangeMethod: input['token-exchange-method'] } : {}),
    ...(input['slow-api-warning-ms'] !== undefined ? { slowApiWarningMs: input['slow-api-warning-ms'] } : {}),
    ...(input['api-timeout-ms'] !== undefined ? { apiTimeoutMs: input['api-timeout-ms'] } : {}),
    ...(input['discovery-timeout-ms'] !== undefined ? { discoveryTimeoutMs: input['discovery-timeout-ms'] } : {}),
    ...(input['token-timeout-ms'] !== undefined ? { tokenTimeoutMs: input['token-timeout-ms'] } : {}),
    ...(input['browser-navigation-timeout-ms'] !== undefined ? { browserNavigationTimeoutMs: input['browser-navigation-timeout-ms'] } : {}),
  };
}

/** The non-default parts of a host, in a few words ("gpt-action, token exchange basic_auth_header"); '' for the default. */
export function describeHost(host: SimulatedHost): string {
  const parts = [
    host.profile === 'chatgpt-plugin' ? '' : host.profile,
    host.tokenExchangeMethod ? `token exchange ${host.tokenExchangeMethod}` : '',
    host.slowApiWarningMs !== undefined ? `slow-API bound ${host.slowApiWarningMs} ms` : '',
    host.apiTimeoutMs !== undefined ? `API timeout ${host.apiTimeoutMs} ms` : '',
    host.discoveryTimeoutMs !== undefined ? `discovery timeout ${host.discoveryTimeoutMs} ms` : '',
    host.tokenTimeoutMs !== undefined ? `token timeout ${host.tokenTimeoutMs} ms` : '',
    host.browserNavigationTimeoutMs !== undefined ? `browser navigation timeout ${host.browserNavigationTimeoutMs} ms` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** The settings a simulated target starts from: the harness's, with the scenario's host in place of PLUGIN_PROFILE. */
export function simulatedHostSettings(base: Settings, host: SimulatedHost): Settings {
  return {
    ...base,
    profiles: [host.profile],
    profilesGiven: true,
    // The target supplies a GPT Action's URLs and scope; none of the harness's own may leak in.
    action: { tokenExchangeMethod: host.tokenExchangeMethod ?? 'default_post' },
  };
}

/** The profile the scenario's session runs with. */
export function simulatedHostProfile(host: SimulatedHost): HostProfile {
  return withTightenedTimeouts(PROFILES[host.profile], {
    ...(host.slowApiWarningMs !== undefined ? { slowApiWarningMs: host.slowApiWarningMs } : {}),
    ...(host.apiTimeoutMs !== undefined ? { apiMs: host.apiTimeoutMs } : {}),
    ...(host.discoveryTimeoutMs !== undefined ? { discoveryMs: host.discoveryTimeoutMs } : {}),
    ...(host.tokenTimeoutMs !== undefined ? { tokenMs: host.tokenTimeoutMs } : {}),
    ...(host.browserNavigationTimeoutMs !== undefined ? { browserNavigationMs: host.browserNavigationTimeoutMs } : {}),
  });
}
