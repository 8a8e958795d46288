import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './scripts/chromium.mjs';

const chromium = chromiumPath();
const port = Number(process.env['E2E_PORT'] ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  // The built site, served as in production (`npm run test:e2e` builds first).
  webServer: {
    command: 'npm run serve',
    url: `http://localhost:${port}/`,
    // Signups made by tests go to a throwaway database and outbox, never to data/.
    env: { HOST: 'localhost', PORT: String(port), NEWSLETTER_DB: '.test-data/newsletter.sqlite', NEWSLETTER_OUTBOX: '.test-data/outbox' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
