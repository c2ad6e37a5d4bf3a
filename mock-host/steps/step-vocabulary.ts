/** The lifecycle steps a scenario (or the interactive host) can drive, each a method of the mock host's engine. */
export const STEP_ACTIONS = [
  'discover',
  'install',
  'use',
  'expire',
  'refresh',
  'advance-clock',
  'probe-invalid-tokens',
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
  'probe-refresh-rotation',
  'probe-concurrent-refresh',
  'probe-expired-token',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * The steps that sign in in the browser and spend the code they get. Against a real target they run one at a time
 * per test account across the run (mock-host/browser/sign-in-lock.ts); every other step stays parallel.
 */
export const SIGN_IN_STEPS: ReadonlySet<StepAction> = new Set<StepAction>([
  'install',
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
]);

/** One step with its options. */
export interface Step {
  action: StepAction;
  operation?: string;
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
