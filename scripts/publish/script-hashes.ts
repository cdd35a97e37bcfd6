import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentSecurityPolicy, headersFile } from "../../src/distribution/security-headers.ts";
import type { BuiltPage } from "./built-pages.ts";

/**
 * Writes `_headers` into the built site, with a Content-Security-Policy that
 * hashes every inline script found in its pages (built-pages.ts), so the
 * policy can never fall out of step with the templates.
 *
 * Why not Astro's `security.csp`: on a static site it writes the policy into a
 * `<meta http-equiv>` on every page, which cannot carry `frame-ancestors`
 * (browsers ignore it there), adds its bytes to every page's budget, and does
 * not hash `is:inline` scripts such as the banner's by itself. One header for
 * the whole site does all three, and the same text serves nginx (README).
 *
 * @returns how many distinct inline scripts the policy allows
 */
export function writeHeaders(
  site: string,
  base: string,
  pages: ReadonlyMap<string, BuiltPage>,
): number {
  const all = [...new Set([...pages.values()].flatMap((page) => page.scripts))].sort();
  writeFileSync(join(site, "_headers"), headersFile(contentSecurityPolicy(all), base));
  return all.length;
}
