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
  'probe-pkce',
  'probe-unknown-client',
  'probe-dcr-insecure-redirect',
  'probe-advertised-endpoints',
  'probe-client-assertion',
  'probe-consent-deny',
  'probe-rs-token-validation',
  'probe-rs-origin',
  'probe-rs-scope-step-up',
  'probe-rs-second-user',
  'probe-stale-session',
  'probe-dead-refresh-token',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * The probes that catch their callback inside the harness's own browser (so the host's route never spends a probe's
 * code): they need that browser even where the user's own browser installs (the debugger launches one for them).
 */
export const HARNESS_BROWSER_STEPS: ReadonlySet<StepAction> = new Set<StepAction>([
  'probe-code-reuse',
  'probe-wrong-client-secret',
  'probe-redirect-uri-binding',
  'probe-unregistered-redirect-uri',
  'probe-pkce',
  'probe-client-assertion',
  'probe-consent-deny',
  // A second account signs in in a fresh context of the harness's browser, never in the user's (signed in as the first).
  'probe-rs-second-user',
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
      return `advance-clock: move the host's clock (and a simulated target's) ${step.seconds} s on`;
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
    case 'probe-pkce':
      return 'probe: authorize without code_challenge and with plain, then exchange with a wrong and a missing code_verifier';
    case 'probe-unknown-client':
      return 'probe: a token request with a client_id the server never issued';
    case 'probe-dcr-insecure-redirect':
      return 'probe: register a client with a non-loopback http:// redirect URI';
    case 'probe-advertised-endpoints':
      return 'probe: a cheap request to each endpoint the authorization server metadata advertises';
    case 'probe-client-assertion':
      return 'probe: exchange a fresh code with a client assertion whose signature is broken';
    case 'probe-consent-deny':
      return "probe: sign in, then press the consent page's deny button";
    case 'probe-rs-token-validation':
      return 'probe: call the MCP server with a JWT signed by a foreign key and issuer, and with the token in the query string';
    case 'probe-rs-origin':
      return 'probe: call the MCP server with a valid token from a foreign Origin';
    case 'probe-rs-scope-step-up':
      return "probe: call a tool whose declared scope the host's token lacks";
    case 'probe-rs-second-user':
      return 'probe: sign in as the second test account and compare what the tools answer each account';
    case 'probe-stale-session':
      return 'probe: MCP requests with an ended and an unknown Mcp-Session-Id';
    case 'probe-dead-refresh-token':
      return 'probe: refresh with a refresh token the server never issued';
  }
}
