import { FAULT_NAMES, type Fault } from '../../examples/reference-mcp-server/options.ts';
import type { RunningReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';
import { authorizationCases } from './fault-cases/authorization.ts';
import { asMetadataCases, prmCases } from './fault-cases/discovery.ts';
import type { FaultCase } from './fault-cases/fault-case.ts';
import { refreshCases } from './fault-cases/refresh.ts';
import { registrationCases } from './fault-cases/registration.ts';
import { mcpCases, resourceServerCases } from './fault-cases/resource-server.ts';
import { tokenCases } from './fault-cases/token.ts';
import { expect, test } from './support/fixtures.ts';
import { request } from './support/http.ts';

/** The compiler refuses this table if a fault has no case. */
const CASES: Record<Fault, FaultCase> = {
  ...resourceServerCases,
  ...mcpCases,
  ...prmCases,
  ...asMetadataCases,
  ...registrationCases,
  ...authorizationCases,
  ...tokenCases,
  ...refreshCases,
};

const DISCOVERY_FAULTS = new Set<string>([...Object.keys(prmCases), ...Object.keys(asMetadataCases), 'refresh-token-needs-offline-access', 'no-client-registration']);

/** PRM and AS metadata with the origin factored out, so two instances on different ports compare equal. */
async function discoveryDocuments(server: RunningReferenceMcpServer): Promise<string> {
  const paths = ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource', '/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];
  const answers = await Promise.all(paths.map((path) => request(`${server.url}${path}`)));
  return answers.map((answer) => `${answer.status} ${answer.headers.get('content-type')}\n${answer.text}`).join('\n').replaceAll(server.url, '<origin>');
}

test('every fault has exactly one focused case', () => {
  expect(Object.keys(CASES).sort()).toEqual([...FAULT_NAMES].sort());
});

/**
 * One test per fault: the probe passes on a server without the fault, shows the named wire behaviour with it,
 * and the discovery documents the fault does not name stay as they were.
 */
for (const fault of FAULT_NAMES) {
  const faultCase = CASES[fault];
  test(`fault ${fault}`, async ({ startServer, documents }) => {
    const conformant = await startServer(faultCase.options);
    const faulty = await startServer({ ...faultCase.options, faults: [fault] });
    await test.step('the probe passes without the fault', () => faultCase.check(conformant, false, documents));
    await test.step('the fault changes that behaviour', () => faultCase.check(faulty, true, documents));
    if (!DISCOVERY_FAULTS.has(fault)) {
      await test.step('PRM and AS metadata stay as without the fault', async () => {
        expect(await discoveryDocuments(faulty)).toBe(await discoveryDocuments(conformant));
      });
    }
  });
}
