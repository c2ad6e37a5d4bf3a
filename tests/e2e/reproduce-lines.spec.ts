import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { authorizeInBrowser } from '../../mock-host/browser/authorize-in-browser.ts';
import { freshAuthorization } from '../../mock-host/engine/probes/authorize-port.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { curlVariables } from '../../mock-host/recorder/curl.ts';
import type { OutboundRequest } from '../../mock-host/recorder/exchange.ts';
import { test } from '../../scenarios/fixtures.ts';
import { runScenario } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { simulatedHostProfile, simulatedHostSettings } from '../../scenarios/simulated-host.ts';

// Issue 10 item 3: a probe finding's `reproduce` line, run as printed with curl (its $VARIABLES exported), gets the
// status the finding reports, i.e. the status of the recorded exchange it cites.
// Clean scenarios have no findings to replay.
const probeScenarios = loadScenarioFiles().filter((s) => s.kind === 'simulated' && !s.simulated?.expectsClean && s.steps.some((step) => step.action.startsWith('probe-')));

test('curl is installed for the replays', () => {
  expect(spawnSync('curl', ['--version']).status).toBe(0);
});

for (const scenario of probeScenarios) {
  test(`reproduce lines of ${scenario.id} replay with curl to the reported status`, async ({ harnessSettings, mockHost, browser }, testInfo) => {
    test.setTimeout(180_000);
    const sim = scenario.simulated;
    if (!sim) throw new Error(`${scenario.file} has no simulated target`);
    const target = await sim.start(simulatedHostSettings(harnessSettings, sim.host));
    const session = new HostSession({
      scenario: scenario.id,
      profile: simulatedHostProfile(sim.host),
      settings: target.settings,
      origin: target.origin,
      hostOrigin: mockHost.origin,
      documents: mockHost,
      ...(target.targetClock ? { targetClock: target.targetClock } : {}),
    });
    // The requests as sent (secrets and all), to export what their reproductions' $VARIABLES stood for.
    const sent = new Map<string, OutboundRequest>();
    const send = session.recorder.send.bind(session.recorder);
    session.recorder.send = async (request) => {
      const outcome = await send(request);
      sent.set(outcome.exchangeId, outcome.request);
      return outcome;
    };
    mockHost.track(session);
    const context = await browser.newContext();
    try {
      const result = await runScenario({ scenario, session, context, mockHost, reporting: { step: (_t, body) => body(), attach: async () => undefined } });
      const reproduced = result.findings.filter((f) => f.reproduce);
      // Findings that cite only browser hops (a consent page, an authorization without PKCE) have no curl to replay.
      if (reproduced.length === 0) {
        testInfo.annotations.push({ type: 'no reproduction', description: result.findings.map((f) => f.code).join(', ') });
        return;
      }
      let replayed = 0;
      for (const finding of reproduced) {
        const curl = finding.reproduce ?? '';
        expect(curl, `${finding.code}: --max-time`).toMatch(/^curl .*--max-time \d+ /);
        const exchangeId = finding.evidence.find((id) => session.recorder.curlOf(id) === curl);
        expect(exchangeId, `${finding.code}: its reproduction is one of its evidence exchanges\n${curl}\n${finding.evidence.map((id) => session.recorder.curlOf(id)).join("\n")}`).toBeDefined();
        const request = sent.get(exchangeId ?? '');
        const recorded = session.recorder.exchanges().find((x) => x.id === exchangeId);
        // A browser hop (the authorization page) is no request curl can replay without the signed-in browser.
        if (!request || !recorded?.response) continue;
        const variables = curlVariables(request, session.secrets);
        // A code the probe spent (tokens were issued) cannot be spent again: the user replays with a fresh one.
        if (variables.AUTH_CODE && recorded.response.status < 300 && finding.code !== 'CODE_REUSE_ACCEPTED') {
          const fresh = await freshAuthorization(session, (req) => authorizeInBrowser({ session, context, sent: req, intercept: true, purpose: 'probe' }));
          variables.AUTH_CODE = fresh.callback.code;
          if (fresh.sent.codeVerifier) variables.CODE_VERIFIER = fresh.sent.codeVerifier;
        }
        // Asynchronously: the simulated target answers from this very process.
        const replay = await promisify(execFile)('bash', ['-c', `${curl} -sS -o /dev/null -w '%{http_code}'`], { env: { ...process.env, NO_PROXY: '*', no_proxy: '*', ...variables }, encoding: 'utf8', timeout: 60_000 }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? String(err) }));
        expect(Number(replay.stdout), `${finding.code}: ${curl}\n${replay.stderr}`).toBe(recorded.response.status);
        replayed++;
      }
      expect(replayed, `${scenario.id}: reproductions replayed`).toBeGreaterThan(0);
    } finally {
      mockHost.untrack(session);
      await session.dispose();
      await context.close();
      await target.close();
    }
  });
}
