import { defineConfig, devices } from "@playwright/test"

const port = Number(process.env.E2E_PORT ?? 3107)
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Against the production build, as Next recommends, served the way `npm start` serves it
    // (scripts/start.mjs: the HTTP guard in front of `next start`).
    command: `npx next build && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/en`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", ADVISOR_E2E: "1", HOSTNAME: "127.0.0.1", PORT: String(port) },
  },
})
