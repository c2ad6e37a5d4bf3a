/** An authorization request the host sent: what the callback and the code exchange are checked against. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  redirectUri: string;
  clientId: string;
  /** The scope as sent ('' when none). */
  scope: string;
  /** PKCE (RFC 7636): the verifier behind the S256 challenge, for the code exchange. */
  codeVerifier?: string;
  /** RFC 8707 resource indicator, when the host sends one. */
  resource?: string;
}

/** Parameters the authorization server put on the callback URL. */
export interface CallbackParams {
  url: string;
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
  /** RFC 9207 issuer identifier, when present. */
  iss: string | null;
  /** Every code value, so each is redacted even when the provider (or an attacker) sent several. */
  codes: string[];
  /** OAuth parameters that occur more than once (RFC 6749 §3.1 forbids it: the host cannot tell which is real). */
  repeated: string[];
}
