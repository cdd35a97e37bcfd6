import { hash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inlineScriptHashes } from "../../src/distribution/security-headers.ts";

/** An HTML page of a built site, as the steps after Astro need it. */
export interface BuiltPage {
  /** A digest of its bytes. */
  digest: string;
  /** The CSP hashes of its inline scripts. */
  scripts: readonly string[];
}

/** What the last build read of each page, by path: its stamp when read, and what it found. */
type Readings = Record<string, { stamp: string } & BuiltPage>;

const READINGS = "dateline-pages.json";

/**
 * What a file's stat says of it: inode, size and modification time. Any
 * write to the file, or another file in its place, changes it.
 */
function stampOf(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/**
 * The HTML pages among `files` (relative to the built site `site`): each
 * one's digest (for the search index's keys) and inline scripts (for
 * `_headers`). Reading 18,000 pages takes seconds, so what was read is kept
 * in the cache folder and a page whose stamp is unchanged is not read again.
 *
 * A page's stamp is that of Astro's copy of it in `copies` when there is one
 * (src/site/staged-build.ts): the next build's page is a link to that copy
 * when Astro reuses it (scripts/publish/staging.ts), and a page Astro renders
 * again gets a new copy.
 *
 * @returns the pages by path relative to the site, in the order of `files`
 */
export function readBuiltPages(
  site: string,
  files: Iterable<string>,
  cache: string,
  copies: string,
): Map<string, BuiltPage> {
  const file = join(cache, READINGS);
  let last: Readings = {};
  try {
    last = JSON.parse(readFileSync(file, "utf8")) as Readings;
  } catch {
    // None yet, or unreadable: every page is read.
  }
  const pages = new Map<string, BuiltPage>();
  const readings: Readings = {};
  for (const page of files) {
    const path = join(site, page);
    if (!page.endsWith(".html") || pages.has(page) || !existsSync(path)) continue;
    const copy = join(copies, page);
    const stamp = stampOf(existsSync(copy) ? copy : path);
    let reading = last[page];
    if (reading?.stamp !== stamp) {
      const bytes = readFileSync(path);
      const scripts = [...new Set(inlineScriptHashes(bytes.toString("utf8")))].sort();
      reading = { stamp, digest: hash("sha1", bytes, "base64url"), scripts };
    }
    readings[page] = reading;
    pages.set(page, { digest: reading.digest, scripts: reading.scripts });
  }
  writeFileSync(`${file}.tmp`, JSON.stringify(readings));
  renameSync(`${file}.tmp`, file);
  return pages;
}
