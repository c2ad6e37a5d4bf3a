import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { harnessFile } from '../../../mock-host/harness-root.ts';

/** The modules a fresh process resolves when it imports `file` of the harness, as a user's run does. */
function importsOf(file: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'imports-'));
  const log = join(dir, 'imports.txt');
  const recorder = fileURLToPath(new URL('./record-imports.mjs', import.meta.url));
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--import', recorder, '--input-type=module', '-e', `await import(${JSON.stringify(harnessFile(file))})`], {
      cwd: harnessFile('.'),
      env: { ...process.env, RECORD_IMPORTS_TO: log },
      timeout: 60_000,
    });
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Every module costs start-up on the loader thread (about half a second for the MCP client and jose on a 2-core machine), and
// `npm test` starts four processes; these load only where a run needs them (mock-host/mcp/sdk-client.ts, jose in
// the private_key_jwt signer).
// Playwright itself (0.7 s) loads in the parent only to find its own Chromium download, where there is one
// (mock-host/browser/find-browser.ts); its runner and workers have it loaded anyway.
test("the run's parent process loads neither the MCP client nor jose, nor Playwright as it starts", () => {
  const loaded = importsOf('scripts/run-conformance.ts');
  expect(loaded.some((url) => url.includes('/mock-host/config/settings.ts'))).toBe(true);
  expect(loaded.filter((url) => url.includes('/node_modules/@modelcontextprotocol/'))).toEqual([]);
  expect(loaded.filter((url) => url.includes('/node_modules/jose/'))).toEqual([]);
  expect(loaded.filter((url) => /\/node_modules\/(@playwright\/test|playwright|playwright-core)\//.test(url))).toEqual([]);
});

test('the host profiles load without the MCP client: it loads with the first MCP session', async () => {
  expect(importsOf('mock-host/profiles/registry.ts').filter((url) => url.includes('/node_modules/@modelcontextprotocol/'))).toEqual([]);
  const { mcpSdkClient } = await import('../../../mock-host/mcp/sdk-client.ts');
  const sdk = await mcpSdkClient();
  expect(typeof sdk.Client).toBe('function');
  expect(typeof sdk.StreamableHTTPClientTransport).toBe('function');
  expect(await mcpSdkClient()).toBe(sdk);
});
