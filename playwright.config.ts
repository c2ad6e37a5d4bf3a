import { defineConfig } from '@playwright/test';

// Provisional: the final config (browser lookup, reporters, projects) replaces this.
export default defineConfig({
  testDir: '.',
  testMatch: ['tests/**/*.spec.ts'],
  timeout: 60_000,
  reporter: [['list']],
  use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
});
