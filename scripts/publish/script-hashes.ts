import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
} from "../../src/distribution/security-headers.ts";
import { isShared } from "./staging.ts";

/**
 * Writes `_headers` into the staged site, with a Content-Security-Policy that
 * hashes every inline script found in its pages, so the policy can never
 * fall out of step with the templates. A page reused from the published site
 * (still a hard link to it) has the scripts it had then: only pages rendered
 * by this build are read.
 *
 * Why not Astro's `security.csp`: on a static site it writes the policy into a
 * `<meta http-equiv>` on every page, which cannot carry `frame-ancestors`
 * (browsers ignore it there), adds its bytes to every page's budget, and does
 * not hash `is:inline` scripts such as the banner's by itself. One header for
 * the whole site does all three, and the same text serves nginx (README).
 *
 * @returns the hashes of every page that has inline scripts, for the next build.
 */
export function writeHeaders(
  site: string,
  base: string,
  previous: Record<string, string[]>,
): { byPage: Record<string, string[]>; read: number; hashes: number } {
  const byPage: Record<string, string[]> = {};
  const all = new Set<string>();
  let read = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const page = relative(site, path);
    let hashes: string[];
    if (isShared(path)) {
      hashes = previous[page] ?? [];
    } else {
      hashes = [...new Set(inlineScriptHashes(readFileSync(path, "utf8")))].sort();
      read++;
    }
    if (hashes.length > 0) byPage[page] = hashes;
    for (const hash of hashes) all.add(hash);
  }
  writeFileSync(join(site, "_headers"), headersFile(contentSecurityPolicy([...all].sort()), base));
  return { byPage, read, hashes: all.size };
}
