import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../support/static-server.ts";

/**
 * Serves the already built site (dist/, or DATELINE_OUT; `npm run build`
 * runs first in `npm test`)
 * once for the whole run, on a free port; tests read its URL from SITE_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const dist = resolve(root, process.env["DATELINE_OUT"] ?? "dist") + "/";
  if (!existsSync(`${dist}index.html`)) {
    throw new Error(`No built site in ${dist}: run "npm run build" before the end-to-end tests.`);
  }
  const server = await serveStatic(dist);
  process.env["SITE_URL"] = server.url;
  return server.close;
}
