import { defineConfig, devices } from "@playwright/test";
import {
  APP_URL,
  FAKE_OPENROUTER_PORT,
  FAKE_OPENROUTER_URL,
} from "./e2e/support/config";

// Debian's Chromium: Playwright's own browser download is not reachable.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx e2e/fake-openrouter/main.ts",
      url: `${FAKE_OPENROUTER_URL}/health`,
      env: { FAKE_OPENROUTER_PORT: String(FAKE_OPENROUTER_PORT) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "node_modules/.bin/tsx e2e/support/serve-app.ts",
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
    },
  ],
});
