import { defineConfig } from "@playwright/test";

// scripts/test.mjs passes a free port (E2E_PORT), so a running `npm run demo` or a second test run
// never holds it; 3100 only for a bare `npx playwright test`.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a browser download (docs/decisions/001-stack.md). The flags keep it
// from reaching for the network this machine does not have.
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // The app, and the job worker beside it as `npm run demo` runs it: a 动态调整 list is checked and
  // applied by jobs (docs/decisions/017). Both read DATABASE_URL from the environment.
  webServer: [
    {
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node --import tsx lib/jobs/worker.ts",
      wait: { stdout: /\[jobs\] worker started/ },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
