import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// A second instance started the way production is (ACCORD_SKIP_SEED=1, empty database): the
// organiser's path from nothing to a finished session (e2e/real-workshop.spec.ts).
export const EMPTY_PORT = PORT + 1;
export const EMPTY_DATABASE_URL = "file:./data/e2e-empty.db";

export default defineConfig({
  testDir: "e2e",
  // One server, one database, two cores: specs run one after another.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work offline.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx e2e/serve.ts",
      url: `http://localhost:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      command: "npx tsx e2e/serve-empty.ts",
      url: `http://localhost:${EMPTY_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { PORT: String(EMPTY_PORT), DATABASE_URL: EMPTY_DATABASE_URL, ACCORD_SKIP_SEED: "1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
