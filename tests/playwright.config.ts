import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Browsers cannot be downloaded on every machine: use the system's Chromium
// where there is one (Debian's package), else Playwright's own browser.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) =>
  existsSync(path),
);

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  reporter: process.env["CI"] ? "line" : "list",
  outputDir: "../test-results",
  use: {
    browserName: "chromium",
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
