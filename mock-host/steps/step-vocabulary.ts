/**
 * The lifecycle steps a scenario (or the debugger) can drive, each a method of the mock host's engine. No imports:
 * the debugger's page loads this module too, so its controls and the scenario files share one vocabulary.
 */
export const STEP_ACTIONS = [
  'discover',
  'install',
  'use',
  'expire',
  'refresh',
  'advance-clock',
  'revoke',
  'disconnect',
  'reconnect',
  'probe-invalid-tokens',
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
  'probe-refresh-rotation',
  'probe-concurrent-refresh',
  'probe-expired-token',
  'probe-dead-refresh-token',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * The steps that sign in in the browser and spend the code they get. Against a real target they run one at a time
 * per test account across the run (mock-host/browser/sign-in-lock.ts); every other step stays parallel.
 */
export const SIGN_IN_STEPS: ReadonlySet<StepAction> = new Set<StepAction>([
  'install',
  'reconnect',
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
]);

/**
 * The probes that catch their callback inside the harness's own browser (so the host's route never spends a probe's
 * code): they need that browser even where the user's own browser installs (the debugger launches one for them).
 */
export const HARNESS_BROWSER_STEPS: ReadonlySet<StepAction> = new Set<StepAction>([
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
]);

/** One step with its options. */
export interface Step {
  action: StepAction;
  operation?: string;
  /** `use`: the arguments of the call (an MCP tool's arguments; a REST operation's path, query or body fields). */
  input?: Readonly<Record<string, unknown>>;
  seconds?: number;
}

/** The title a step has in reports. */
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
    case 'revoke':
      return "revoke: revoke the host's tokens at the authorization server (RFC 7009), then forget them";
    case 'disconnect':
      return 'disconnect: the host forgets its tokens without telling the server, as a user removing the app';
    case 'reconnect':
      return 'reconnect: forget the tokens, then authorize in the browser again and exchange the new code';
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
    case 'probe-dead-refresh-token':
      return 'probe: refresh with a refresh token the server never issued';
  }
}
