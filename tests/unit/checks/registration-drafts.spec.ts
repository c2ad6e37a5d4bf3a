import { expect, test } from '@playwright/test';
import { checkRegistrationAccepted, checkRegistrationAnswer, type RegistrationFacts } from '../../../mock-host/checks/registration/dynamic-registration.ts';
import { checkInsecureRedirectRefused, type InsecureRegistration } from '../../../mock-host/checks/registration/insecure-redirect.ts';
import { checkUnknownClientRefused, type UnknownClientAnswer } from '../../../mock-host/checks/registration/unknown-client.ts';

// The registration checks' whole drafts (message, fix, evidence, reproduction), and the status bounds they decide on
// (issue 14: a check asserted by its code alone lets its wording and its edges change unnoticed).

const facts = (over: Partial<RegistrationFacts>): RegistrationFacts => ({
  exchangeId: 'x1',
  curl: 'curl x1',
  requestedMethod: 'client_secret_post',
  status: 201,
  contentType: 'application/json',
  isJsonObject: true,
  clientId: 'c-1',
  hasSecret: true,
  answeredMethod: 'client_secret_post',
  advertisedMethods: ['none', 'client_secret_post'],
  ...over,
});

const REJECTED_FIX =
  "Register the hosts' clients as they ask (RFC 7591): accept their redirect URIs and grant types; when you do not support client_secret_post, register the client with a method you support and say so in the answer (RFC 7591 §3.2.1) instead of refusing.";

test.describe('DCR_REJECTS_HOST_METADATA', () => {
  test('a refusal is reported whole, with the status, the requested method and the exchange', () => {
    expect(checkRegistrationAccepted(facts({ status: 400 }))).toEqual([
      {
        code: 'DCR_REJECTS_HOST_METADATA',
        message: "the registration endpoint answered 400 to the host's registration (token_endpoint_auth_method client_secret_post)",
        fix: REJECTED_FIX,
        evidence: ['x1'],
        reproduce: 'curl x1',
      },
    ]);
  });

  test('no answer names the error, or "nothing"', () => {
    expect(checkRegistrationAccepted(facts({ status: undefined, error: 'timeout' }))[0]?.message).toBe(
      "the registration endpoint answered timeout to the host's registration (token_endpoint_auth_method client_secret_post)",
    );
    expect(checkRegistrationAccepted(facts({ status: undefined, clientId: undefined }))[0]?.message).toBe(
      "the registration endpoint answered nothing to the host's registration (token_endpoint_auth_method client_secret_post)",
    );
  });

  test('201 passes even without a client_id; another 2xx needs one', () => {
    expect(checkRegistrationAccepted(facts({ status: 201, clientId: undefined }))).toEqual([]);
    expect(checkRegistrationAccepted(facts({ status: 200 }))).toEqual([]);
    expect(checkRegistrationAccepted(facts({ status: 299 }))).toEqual([]);
    expect(checkRegistrationAccepted(facts({ status: 200, clientId: undefined })).map((d) => d.code)).toEqual(['DCR_REJECTS_HOST_METADATA']);
    expect(checkRegistrationAccepted(facts({ status: 199 })).map((d) => d.code)).toEqual(['DCR_REJECTS_HOST_METADATA']);
    expect(checkRegistrationAccepted(facts({ status: 300 })).map((d) => d.code)).toEqual(['DCR_REJECTS_HOST_METADATA']);
  });
});

test.describe('DCR_RESPONSE_INVALID', () => {
  const cite = { evidence: ['x1'], reproduce: 'curl x1' };

  test('only 2xx answers are judged', () => {
    const broken = { isJsonObject: false, clientId: undefined };
    expect(checkRegistrationAnswer(facts({ ...broken, status: undefined }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ ...broken, status: 199 }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ ...broken, status: 300 }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ ...broken, status: 200 }))).toHaveLength(1);
    expect(checkRegistrationAnswer(facts({ ...broken, status: 299 }))).toHaveLength(1);
  });

  test('a body that is not a JSON object: an error, and nothing about its Content-Type', () => {
    expect(checkRegistrationAnswer(facts({ isJsonObject: false, clientId: undefined, contentType: 'text/html', answeredMethod: undefined }))).toEqual([
      {
        code: 'DCR_RESPONSE_INVALID',
        severity: 'error',
        message: 'the registration answered 201 with a body that is not a JSON object',
        fix: 'Answer a registration with 201 and a JSON object holding the client_id.',
        ...cite,
      },
    ]);
  });

  test('no client_id: an error', () => {
    expect(checkRegistrationAnswer(facts({ status: 200, clientId: undefined }))).toEqual([
      {
        code: 'DCR_RESPONSE_INVALID',
        severity: 'error',
        message: 'the registration answered 200 without a client_id',
        fix: 'Return the issued client_id in the registration answer (RFC 7591 §3.2.1).',
        ...cite,
      },
    ]);
  });

  test('JSON served as something else, or with no Content-Type: a warning', () => {
    expect(checkRegistrationAnswer(facts({ contentType: 'text/plain' }))).toEqual([
      {
        code: 'DCR_RESPONSE_INVALID',
        severity: 'warning',
        message: 'the registration answer is JSON served as text/plain',
        fix: 'Serve the registration answer with Content-Type: application/json.',
        ...cite,
      },
    ]);
    expect(checkRegistrationAnswer(facts({ contentType: undefined }))[0]?.message).toBe('the registration answer is JSON served as no Content-Type');
  });

  test('a method the metadata does not list: a warning naming both; no metadata or no method is not judged', () => {
    expect(checkRegistrationAnswer(facts({ answeredMethod: 'private_key_jwt' }))).toEqual([
      {
        code: 'DCR_RESPONSE_INVALID',
        severity: 'warning',
        message: 'the answer registers token_endpoint_auth_method private_key_jwt, which the metadata does not list (none, client_secret_post)',
        fix: 'Register clients only with methods token_endpoint_auth_methods_supported lists.',
        ...cite,
      },
    ]);
    expect(checkRegistrationAnswer(facts({ answeredMethod: 'private_key_jwt', advertisedMethods: undefined }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ answeredMethod: undefined, hasSecret: false }))).toEqual([]);
  });

  test('a client_secret_* registration without a secret: a warning; another method needs none', () => {
    expect(checkRegistrationAnswer(facts({ hasSecret: false }))).toEqual([
      {
        code: 'DCR_RESPONSE_INVALID',
        severity: 'warning',
        message: 'the answer registers client_secret_post but carries no client_secret',
        fix: 'Return the client_secret with a client_secret_* registration.',
        ...cite,
      },
    ]);
    expect(checkRegistrationAnswer(facts({ answeredMethod: 'none', hasSecret: false }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ answeredMethod: 'private_key_jwt', advertisedMethods: ['private_key_jwt'], hasSecret: false }))).toEqual([]);
  });

  test('every problem of one answer is listed, in order', () => {
    const drafts = checkRegistrationAnswer(facts({ clientId: undefined, contentType: 'text/plain', answeredMethod: 'client_secret_basic', hasSecret: false }));
    expect(drafts.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'the registration answered 201 without a client_id'],
      ['warning', 'the registration answer is JSON served as text/plain'],
      ['warning', 'the answer registers token_endpoint_auth_method client_secret_basic, which the metadata does not list (none, client_secret_post)'],
      ['warning', 'the answer registers client_secret_basic but carries no client_secret'],
    ]);
  });
});

test.describe('DCR_ACCEPTS_INSECURE_REDIRECT', () => {
  const reg = (over: Partial<InsecureRegistration>): InsecureRegistration => ({ redirectUri: 'http://conformance-insecure.invalid/cb', status: 201, clientIssued: true, exchangeId: 'x6', ...over });

  test('an accepted registration is reported whole, with its reproduction when there is one', () => {
    const draft = {
      code: 'DCR_ACCEPTS_INSECURE_REDIRECT',
      message: 'dynamic registration accepted the redirect URI http://conformance-insecure.invalid/cb (HTTP 201): codes could travel in clear text',
      fix: 'Refuse registrations whose redirect_uris are not https (http only for 127.0.0.1, [::1] or localhost) with 400 invalid_redirect_uri.',
      evidence: ['x6'],
    };
    expect(checkInsecureRedirectRefused(reg({}))).toEqual([draft]);
    expect(checkInsecureRedirectRefused(reg({ curl: 'curl x6' }))).toEqual([{ ...draft, reproduce: 'curl x6' }]);
  });

  test('accepted means a 2xx that issued a client', () => {
    expect(checkInsecureRedirectRefused(reg({ status: 200 }))).toHaveLength(1);
    expect(checkInsecureRedirectRefused(reg({ status: 299 }))).toHaveLength(1);
    expect(checkInsecureRedirectRefused(reg({ status: 199 }))).toEqual([]);
    expect(checkInsecureRedirectRefused(reg({ status: 300 }))).toEqual([]);
    expect(checkInsecureRedirectRefused(reg({ status: undefined }))).toEqual([]);
    expect(checkInsecureRedirectRefused(reg({ clientIssued: false }))).toEqual([]);
  });
});

test.describe('UNKNOWN_CLIENT_NOT_INVALID_CLIENT', () => {
  const answer = (over: Partial<UnknownClientAnswer>): UnknownClientAnswer => ({ clientId: 'conformance-unknown-1', status: 400, error: 'invalid_request', exchangeId: 'x5', ...over });
  const FIX =
    'Answer a token request whose client_id is unknown (never issued, or forgotten) with HTTP 401 and {"error":"invalid_client"}: it is the one signal that makes a host register again.';

  test('a wrong answer is reported whole, with its reproduction when there is one', () => {
    const draft = {
      code: 'UNKNOWN_CLIENT_NOT_INVALID_CLIENT',
      message: 'a token request with the unknown client_id conformance-unknown-1 got HTTP 400 error=invalid_request, not HTTP 401 invalid_client',
      fix: FIX,
      evidence: ['x5'],
    };
    expect(checkUnknownClientRefused(answer({}))).toEqual([draft]);
    expect(checkUnknownClientRefused(answer({ curl: 'curl x5' }))).toEqual([{ ...draft, reproduce: 'curl x5' }]);
  });

  test('what was got: a status without an RFC 6749 error, a network failure, or no answer', () => {
    const got = (over: Partial<UnknownClientAnswer>) => checkUnknownClientRefused(answer(over))[0]?.message;
    expect(got({ status: 401, error: undefined })).toBe('a token request with the unknown client_id conformance-unknown-1 got HTTP 401 without an RFC 6749 error, not HTTP 401 invalid_client');
    expect(got({ status: undefined, error: undefined, failure: 'connection reset' })).toBe('a token request with the unknown client_id conformance-unknown-1 got connection reset, not HTTP 401 invalid_client');
    expect(got({ status: undefined, error: undefined })).toBe('a token request with the unknown client_id conformance-unknown-1 got no answer, not HTTP 401 invalid_client');
    expect(got({ status: 400, error: 'invalid_client' })).toContain('got HTTP 400 error=invalid_client,');
  });
});

test.describe('dynamic registration answers', () => {
  const codes = (drafts: readonly { code: string }[]) => drafts.map((d) => d.code);
  const severities = (drafts: readonly { code: string; severity?: string }[]) => drafts.map((d) => `${d.code}@${d.severity ?? 'catalog'}`);

  test("refusing the host's body is DCR_REJECTS_HOST_METADATA; a downgraded 201 passes", () => {
    expect(codes(checkRegistrationAccepted(facts({ status: 400, isJsonObject: true })))).toEqual(['DCR_REJECTS_HOST_METADATA']);
    expect(codes(checkRegistrationAccepted(facts({ status: undefined, error: 'timeout' })))).toEqual(['DCR_REJECTS_HOST_METADATA']);
    expect(checkRegistrationAccepted(facts({ answeredMethod: 'none', hasSecret: false }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ status: 400 }))).toEqual([]);
    // A 429 is rate limiting (API_RATE_LIMITED), no verdict on the host's metadata.
    expect(checkRegistrationAccepted(facts({ status: 429, clientId: undefined, hasSecret: false }))).toEqual([]);
    expect(checkRegistrationAnswer(facts({ status: 429, clientId: undefined, hasSecret: false }))).toEqual([]);
  });

  test('no client_id or no JSON is an error; text/plain, an unadvertised method or a missing secret a warning', () => {
    expect(severities(checkRegistrationAnswer(facts({ clientId: undefined })))).toEqual(['DCR_RESPONSE_INVALID@error']);
    expect(severities(checkRegistrationAnswer(facts({ isJsonObject: false, clientId: undefined })))).toEqual(['DCR_RESPONSE_INVALID@error']);
    expect(severities(checkRegistrationAnswer(facts({ contentType: 'text/plain' })))).toEqual(['DCR_RESPONSE_INVALID@warning']);
    expect(severities(checkRegistrationAnswer(facts({ answeredMethod: 'private_key_jwt' })))).toEqual(['DCR_RESPONSE_INVALID@warning']);
    expect(severities(checkRegistrationAnswer(facts({ hasSecret: false })))).toEqual(['DCR_RESPONSE_INVALID@warning']);
    expect(checkRegistrationAnswer(facts({}))).toEqual([]);
  });
});
