import { test, expect } from '@playwright/test';
import { API, controlAnswerSchema } from '../../../mock-host/debugger/wire/controls.ts';
import type { DebuggerView } from '../../../mock-host/debugger/wire/view.ts';
import { startDebugger, TEST_ACCOUNT } from '../../e2e/debugger-support.ts';
import { signInByFetch } from './fetch-browser.ts';
import { debuggerClient } from './http-client.ts';

type Client = Awaited<ReturnType<typeof debuggerClient>>;

/** Runs one control; an install signs in by fetch where the page would send the browser. */
async function step(client: Client, body: unknown): Promise<DebuggerView> {
  const answer = controlAnswerSchema.parse(await client.post(API.step, body));
  if (answer.startUrl) expect((await signInByFetch(answer.startUrl, TEST_ACCOUNT)).text).toContain('is installed in the mock host');
  return client.settled();
}

// The controls that are steps of their own (revoke, disconnect, reconnect, advance by N) on an MCP host whose
// authorization server has a revocation endpoint: the host revokes what it holds (RFC 7009, its own client
// authentication), forgets it, and a reconnect installs afresh.
test('an MCP host revokes its tokens, forgets them, reconnects; the clock moves by N seconds', async () => {
  const running = await startDebugger({ profile: 'claude-connector', target: { kind: 'reference' } });
  const client = await debuggerClient(running.host.origin);
  try {
    let view = await step(client, { action: 'install' });
    const installed = view.tokens.current;
    expect(installed?.refreshToken?.fingerprint).toMatch(/^\[redacted sha256:/);
    expect(installed?.accessToken.format).toBe('jwt');
    expect(installed?.accessToken.audience).toEqual([view.tokens.resource]);

    view = await step(client, { action: 'use' });
    expect(view.timeline.at(-1)?.status).toBe('passed');
    expect(view.operations.length).toBeGreaterThan(0);

    view = await step(client, { action: 'advance-clock', seconds: 90 });
    expect(view.tokens.clockOffsetSeconds).toBe(90);

    view = await step(client, { action: 'revoke' });
    const revoke = view.timeline.at(-1);
    expect(revoke?.status).toBe('passed');
    expect(revoke?.exchanges.map((x) => [x.label, x.status])).toEqual([
      ['revoke refresh_token', 200],
      ['revoke access_token', 200],
    ]);
    expect(view.tokens.current).toBeUndefined();
    expect(view.tokens.dropped?.reason).toBe('revoke');

    // The host holds nothing to call with any more.
    view = await step(client, { action: 'use' });
    expect([view.timeline.at(-1)?.status, view.timeline.at(-1)?.outcome]).toEqual(['stopped', 'inconclusive']);
    expect(view.timeline.at(-1)?.note).toContain('no credentials');

    view = await step(client, { action: 'reconnect' });
    expect(view.timeline.at(-1)?.status).toBe('passed');
    expect(view.tokens.current?.accessToken.fingerprint).not.toBe(installed?.accessToken.fingerprint);
    view = await step(client, { action: 'use' });
    expect(view.timeline.at(-1)?.status).toBe('passed');

    view = await step(client, { action: 'disconnect' });
    expect(view.tokens.dropped?.reason).toBe('disconnect');
    // Disconnecting tells the server nothing.
    expect(view.timeline.at(-1)?.exchanges).toEqual([]);
  } finally {
    await running.close();
  }
});

// A scenario file runs through the suite's own runner on a fresh session, step by step on the event stream; its
// install waits for the user's browser, which the page offers as a link (the view's pendingInstall).
test('a scenario file runs live: each step appears as it runs, the install waits for the browser', async () => {
  const running = await startDebugger();
  const client = await debuggerClient(running.host.origin);
  const stream = await client.events();
  try {
    await step(client, { action: 'discover' });
    expect(controlAnswerSchema.parse(await client.post(API.scenario, { id: 'expired-token-refresh' })).ok).toBe(true);
    let waiting: DebuggerView | undefined;
    for (let i = 0; i < 200 && !waiting; i++) {
      const view = await client.view();
      if (view.pendingInstall) waiting = view;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(waiting?.timeline.map((s) => [s.action, s.status, s.source])).toEqual([
      ['discover', 'passed', 'scenario'],
      ['install', 'running', 'scenario'],
    ]);
    // Another control while the scenario runs is refused, not queued.
    const refused = await client.post(API.step, { action: 'refresh' });
    expect(controlAnswerSchema.parse(refused).ok).toBe(false);
    await signInByFetch(waiting?.pendingInstall?.startUrl ?? '', TEST_ACCOUNT);
    let done: DebuggerView | undefined;
    for (let i = 0; i < 400 && !done; i++) {
      const view = await client.view();
      if (view.scenario?.status !== 'running' && !view.busy) done = view;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(done?.scenario).toMatchObject({ id: 'expired-token-refresh', status: 'passed' });
    expect(done?.timeline.map((s) => s.action)).toEqual(['discover', 'install', 'use', 'expire', 'use', 'expire', 'use']);
    expect(done?.tokens.history.map((g) => g.source)).toEqual(['exchange', 'refresh', 'refresh']);
    // The stream showed the steps while they ran, not only at the end: the install waited for the browser, so that
    // view was streamed; the fast steps after it may be coalesced into later views, but the last view is the end.
    const line = (v: DebuggerView) => v.timeline.map((s) => `${s.action}:${s.status}`).join(' ');
    const lastStreamed = () => stream.views().map(line).at(-1);
    await expect.poll(lastStreamed, { timeout: 30_000 }).toBe(done && line(done));
    expect(stream.views().map(line)).toContain('discover:passed install:running');
  } finally {
    await stream.close();
    await running.close();
  }
});

// A probe that catches its callback inside the harness's own browser gets one (launched on first need), while the
// user's browser stays the one that installs; a session without it says why the probe cannot run.
test("a probe scenario runs with the harness's own browser, launched when first needed", async ({ browser }) => {
  let launched = 0;
  const launchHarnessBrowser = async () => {
    launched++;
    const context = await browser.newContext();
    return { context, close: () => context.close() };
  };
  const running = await startDebugger(undefined, { launchHarnessBrowser });
  const client = await debuggerClient(running.host.origin);
  try {
    await client.post(API.scenario, { id: 'code-reuse' });
    let done: DebuggerView | undefined;
    for (let i = 0; i < 600 && !done; i++) {
      const view = await client.view();
      if (view.scenario?.status !== 'running' && !view.busy) done = view;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(done?.scenario).toMatchObject({ id: 'code-reuse', status: 'passed' });
    expect(done?.timeline.map((s) => [s.action, s.status])).toEqual([
      ['discover', 'passed'],
      ['probe-code-reuse', 'passed'],
    ]);
    expect(launched).toBe(1);
  } finally {
    await running.close();
  }
  const without = await startDebugger();
  try {
    const answer = controlAnswerSchema.parse(await (await debuggerClient(without.host.origin)).post(API.step, { action: 'probe-code-reuse' }));
    expect(answer).toMatchObject({ ok: false, note: expect.stringContaining("needs the harness's own browser") });
  } finally {
    await without.close();
  }
});

// A GPT Action has no manifest: its host reads the editor's fields, which the bundled plugin fills in; typed by hand,
// a configuration without the OpenAPI URL is refused before any session starts.
test('GPT Action settings: the bundled plugin fills them in; without an OpenAPI URL the configuration is refused', async () => {
  const running = await startDebugger({ profile: 'gpt-action', target: { kind: 'reference' } });
  const client = await debuggerClient(running.host.origin);
  try {
    let view = await client.view();
    expect(view.profiles.find((p) => p.id === 'gpt-action')?.needsActionSettings).toBe(true);
    expect(view.profiles.find((p) => p.id === 'chatgpt-plugin')?.needsActionSettings).toBe(false);
    expect(view.target.action?.openapiUrl).toMatch(/\/openapi\.yaml$/);
    view = await step(client, { action: 'discover' });
    expect(view.timeline.at(-1)?.status).toBe('passed');
    expect(view.operations.map((op) => op.operationId)).toContain('listTodos');

    const refused = await client.post(API.configure, { profile: 'gpt-action', target: { kind: 'url', url: 'http://127.0.0.1:9', clientId: 'c', clientSecret: 's3cret-value' } });
    expect(controlAnswerSchema.parse(refused)).toMatchObject({ ok: false, note: expect.stringContaining('the OpenAPI URL: required') });
    // The session before it is untouched.
    expect((await client.view()).timeline).toHaveLength(1);
  } finally {
    await running.close();
  }
});
