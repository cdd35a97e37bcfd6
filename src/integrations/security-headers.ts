import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import {
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
} from "../distribution/security-headers.ts";

/**
 * Writes `_headers` into the built site once the pages exist, with a
 * Content-Security-Policy that hashes every inline script actually found in
 * them, so the policy can never fall out of step with the templates.
 *
 * Why not Astro's `security.csp`: on a static site it writes the policy into a
 * `<meta http-equiv>` on every page, which cannot carry `frame-ancestors`
 * (browsers ignore it there), adds its bytes to every page's budget, and does
 * not hash `is:inline` scripts such as the banner's by itself. One header for
 * the whole site does all three, and the same text serves nginx (README).
 */
export function securityHeaders(): AstroIntegration {
  let base = "/";
  return {
    name: "dateline:security-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const hashes = new Set<string>();
        for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
          for (const hash of inlineScriptHashes(
            readFileSync(join(entry.parentPath, entry.name), "utf8"),
          )) {
            hashes.add(hash);
          }
        }
        writeFileSync(
          join(site, "_headers"),
          headersFile(contentSecurityPolicy([...hashes].sort()), base),
        );
        logger.info(`_headers written: ${hashes.size} inline script hash(es) in the policy`);
      },
    },
  };
}
