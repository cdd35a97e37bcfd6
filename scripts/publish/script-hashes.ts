import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
 * With `staged` (what Astro wrote, see staging.ts), the site is not walked:
 * the pages it wrote are read, the pages it reused keep the hashes recorded
 * for them, and `extra` names the other HTML files (the project's public/
 * folder, which Vite copies without a trace).
 *
 * @returns the hashes of every page that has inline scripts, for the next build.
 */
export function writeHeaders(
  site: string,
  base: string,
  previous: Record<string, string[]>,
  staged?: { pages: Set<string>; written: Set<string>; extra: string[] },
): { byPage: Record<string, string[]>; read: number; hashes: number } {
  const byPage: Record<string, string[]> = {};
  let read = 0;
  const readPage = (page: string) => {
    const hashes = [...new Set(inlineScriptHashes(readFileSync(join(site, page), "utf8")))];
    read++;
    if (hashes.length > 0) byPage[page] = hashes.sort();
  };
  if (staged) {
    for (const [page, hashes] of Object.entries(previous)) {
      if (staged.pages.has(page) && !staged.written.has(page)) byPage[page] = hashes;
    }
    for (const page of [...staged.written, ...staged.extra]) {
      if (page.endsWith(".html") && existsSync(join(site, page))) readPage(page);
    }
  } else {
    for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
      const page = relative(site, join(entry.parentPath, entry.name));
      if (isShared(join(site, page))) {
        if (previous[page]) byPage[page] = previous[page];
      } else {
        readPage(page);
      }
    }
  }
  const all = [...new Set(Object.values(byPage).flat())].sort();
  writeFileSync(join(site, "_headers"), headersFile(contentSecurityPolicy(all), base));
  return { byPage, read, hashes: all.length };
}
