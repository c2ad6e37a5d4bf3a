import { FAULT_NAMES, type Fault } from '../../examples/reference-plugin/options.ts';
import type { RunningReferencePlugin } from '../../examples/reference-plugin/start.ts';
import { apiCases } from './fault-cases/api.ts';
import { authorizationCases } from './fault-cases/authorization.ts';
import { discoveryCases } from './fault-cases/discovery.ts';
import type { FaultCase } from './fault-cases/fault-case.ts';
import { refreshCases } from './fault-cases/refresh.ts';
import { tokenRequestCases } from './fault-cases/token-request.ts';
import { tokenShapeCases } from './fault-cases/token-shape.ts';
import { expect, test } from './support/fixtures.ts';
import { request } from './support/http.ts';
import { install } from './support/oauth.ts';

/** The compiler refuses this table if a fault has no case. */
const CASES: Record<Fault, FaultCase> = {
  ...tokenShapeCases,
  ...authorizationCases,
  ...tokenRequestCases,
  ...refreshCases,
  ...apiCases,
  ...discoveryCases,
};

const DISCOVERY_FAULTS = new Set<string>(Object.keys(discoveryCases));
const TOKEN_SIDE_INTACT = new Set<string>([...Object.keys(discoveryCases), ...Object.keys(apiCases)]);

/** Manifest and OpenAPI with the origin factored out, so two instances on different ports compare equal. */
async function discoveryDocuments(plugin: RunningReferencePlugin): Promise<string> {
  const manifest = await request(`${plugin.url}/.well-known/ai-plugin.json`);
  const openApi = await request(`${plugin.url}/openapi.json`);
  return `${manifest.headers.get('content-type')}\n${manifest.text}\n${openApi.text}`.replaceAll(plugin.url, '<origin>');
}

test('every fault has exactly one focused case', () => {
  expect(Object.keys(CASES).sort()).toEqual([...FAULT_NAMES].sort());
});

/**
 * One test per fault, with a step per claim: the probe passes on a plugin without the fault, fails the named way
 * with it, and the parts the fault does not name (discovery documents, the OAuth flow) stay as they were.
 */
for (const fault of FAULT_NAMES) {
  const faultCase = CASES[fault];
  test(`fault ${fault}`, async ({ startPlugin }) => {
    const conformant = await startPlugin(faultCase.options);
    const faulty = await startPlugin({ ...faultCase.options, faults: [fault] });
    await test.step('the probe passes without the fault', () => faultCase.check(conformant, false));
    await test.step('the fault changes that behaviour', () => faultCase.check(faulty, true));

    if (!DISCOVERY_FAULTS.has(fault)) {
      await test.step('manifest and OpenAPI stay as without the fault', async () => {
        const [reference, withFault] = await Promise.all([
          discoveryDocuments(await startPlugin()),
          discoveryDocuments(await startPlugin({ faults: [fault] })),
        ]);
        expect(withFault).toBe(reference);
      });
    }
    if (TOKEN_SIDE_INTACT.has(fault)) {
      await test.step('the OAuth flow stays conformant', async () => {
        const tokens = await install(await startPlugin({ ...faultCase.options, faults: [fault] }));
        expect(tokens.refresh_token).toBeDefined();
      });
    }
  });
}
