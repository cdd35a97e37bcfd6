import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../support/static-server.ts";

/**
 * Serves the already built dist/ (`npm run build` runs first in `npm test`)
 * once for the whole run, on a free port; tests read its URL from SITE_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  if (!existsSync(`${dist}index.html`)) {
    throw new Error(`No built site in ${dist}: run "npm run build" before the end-to-end tests.`);
  }
  const server = await serveStatic(dist);
  process.env["SITE_URL"] = server.url;
  return server.close;
}
