import { expect } from '@playwright/test';
import { HostSession } from '../../mock-host/engine/session.ts';
import { test } from '../../scenarios/fixtures.ts';
import { runScenario } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';
import { simulatedHostProfile, simulatedHostSettings } from '../../scenarios/simulated-host.ts';

// Issue 10 item 4: an https api.url on a plain-http port is OPENAPI_UNREACHABLE with the cause named and its fix,
// found at once (a failed handshake, not a 10 s wait), and never the generic "make it reachable" advice.
test('simulated/manifest-api-https-on-http-port: the code, the diagnosis and the cause-specific fix', async ({ harnessSettings, mockHost }) => {
  const scenario = loadScenarioFiles().find((s) => s.id === 'simulated/manifest-api-https-on-http-port');
  const sim = scenario?.simulated;
  if (!scenario || !sim) throw new Error('scenario simulated/manifest-api-https-on-http-port is missing');
  const target = await sim.start(simulatedHostSettings(harnessSettings, sim.host));
  const session = new HostSession({ scenario: scenario.id, profile: simulatedHostProfile(sim.host), settings: target.settings, origin: target.origin, hostOrigin: mockHost.origin, documents: mockHost });
  try {
    const started = performance.now();
    const result = await runScenario({ scenario, session, reporting: { step: (_t, body) => body(), attach: async () => undefined } });
    expect(performance.now() - started, 'a failed handshake is found at once, not after a timeout').toBeLessThan(5_000);
    // Exactly this problem (beside the info every loopback http manifest gets).
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.severity}`)).toEqual(['OPENAPI_UNREACHABLE@error']);
    const finding = result.findings.find((f) => f.code === 'OPENAPI_UNREACHABLE');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('the URL says https, but the server on 127.0.0.1:');
    expect(finding?.message).toContain('speaks http, not https');
    expect(finding?.fix).toContain('Serve HTTPS on 127.0.0.1:');
    expect(finding?.fix).not.toContain('public internet');
  } finally {
    await session.dispose();
    await target.close();
  }
});
