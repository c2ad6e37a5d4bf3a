import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Used only by `npm run mutation` (stryker.config.mjs): the unit tests under Vitest, with `@playwright/test`
// mapped onto Vitest (playwright-test-shim.ts). Tests that need Playwright's browser fixtures are left out.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { '@playwright/test': fileURLToPath(new URL('./playwright-test-shim.ts', import.meta.url)) } },
  test: {
    include: (process.env.MUTATION_TESTS ?? 'tests/unit').split(',').map((dir) => `${dir.trim().replace(/\/$/, '')}/**/*.spec.ts`),
    exclude: [
      // Browser fixtures ({ page }) and whole-host servers: Playwright-only, and they exercise no mutated folder.
      'tests/unit/host-security/**',
      'tests/unit/debugger/**',
      // Loads the conformance fixtures (Playwright's test.extend) to read a real run's console output.
      'tests/unit/report/console-digest.spec.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
