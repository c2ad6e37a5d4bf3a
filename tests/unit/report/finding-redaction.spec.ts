import { test, expect } from '@playwright/test';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { completeInstall } from '../../../mock-host/engine/install.ts';
import { LifecycleAbort } from '../../../mock-host/model/lifecycle-abort.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';

const SECRET = 'finding-secret+/=&%x1';
const PASSWORD = 'finding-password+/=&%y2';

function session(): HostSession {
  const settings = defaultSettings({ clientId: 'client', clientSecret: SECRET, login: { username: 'u', password: PASSWORD } });
  const s = new HostSession({ scenario: 'finding-redaction', profile: chatgptPlugin, settings, origin: 'http://127.0.0.1:9' });
  s.target = {
    origin: 'http://127.0.0.1:9',
    manifestUrl: 'http://127.0.0.1:9/.well-known/ai-plugin.json',
    openapiUrl: 'http://127.0.0.1:9/openapi.json',
    auth: { type: 'oauth', authorizeUrl: 'http://127.0.0.1:9/authorize', tokenUrl: 'http://127.0.0.1:9/token', scope: '', tokenBodyEncoding: 'json', verificationTokens: {} },
    operations: [],
  };
  return s;
}

// Checks quote what the target wrote (error_description, page text); the collector redacts every such text.
test('a finding quoting a known secret keeps only its fingerprint', () => {
  const s = session();
  const finding = s.findings.add({
    code: 'AUTHORIZE_UNREACHABLE',
    message: `the page said: wrong password ${PASSWORD} for secret ${encodeURIComponent(SECRET)}`,
    fix: `do not echo ${SECRET}`,
    reproduce: `curl -d client_secret=${encodeURIComponent(SECRET)}`,
  });
  const text = JSON.stringify(finding);
  for (const value of [SECRET, PASSWORD, encodeURIComponent(SECRET), encodeURIComponent(PASSWORD)]) expect(text).not.toContain(value);
  expect(finding.message).toContain('[redacted sha256:');
});

test('an error_description echoing the client secret does not reach the finding or the abort message', async () => {
  const s = session();
  const sent = await s.beginInstall();
  const callback = {
    url: `${sent.redirectUri}?error=invalid_client`,
    code: null,
    state: sent.state,
    error: 'invalid_client',
    errorDescription: `client_secret ${SECRET} is wrong`,
    iss: null,
    codes: [],
    repeated: [],
  };
  const abort = await completeInstall(s, callback, sent).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(abort).toBeInstanceOf(LifecycleAbort);
  expect((abort as LifecycleAbort).message).not.toContain(SECRET);
  expect(JSON.stringify(s.findings.list())).not.toContain(SECRET);
  expect(s.findings.codes()).toEqual(['AUTHORIZE_ERROR_RESPONSE']);
});
