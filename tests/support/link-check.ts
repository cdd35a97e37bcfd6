import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { filesIn } from "./dist.ts";

/** A reference in the built site that leads nowhere. */
export interface BrokenLink {
  /** The page it is on, relative to the site folder. */
  page: string;
  /** The reference as written. */
  ref: string;
  reason: string;
}

const ATTRIBUTE = /<(a|link|img|source|script|iframe|video|audio)\b[^>]*>/gi;
const URL_ATTRIBUTES = /\s(href|src|srcset)\s*=\s*"([^"]*)"/gi;

/** Every local URL a page refers to (links, stylesheets, images, scripts, srcset candidates). */
export function referencesIn(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(ATTRIBUTE)) {
    if (
      /^<link\b/i.test(tag) &&
      /rel="(canonical|alternate)"/i.test(tag) &&
      /href="https?:/i.test(tag)
    )
      continue;
    for (const [, name, value = ""] of tag.matchAll(URL_ATTRIBUTES)) {
      const candidates =
        name?.toLowerCase() === "srcset"
          ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "")
          : [value];
      refs.push(...candidates.map((c) => c.replace(/&amp;/g, "&")).filter(Boolean));
    }
  }
  return refs;
}

/** The file a site path is served from, if any: `dir/` → `dir/index.html`. */
function fileFor(root: string, path: string): string | undefined {
  const direct = join(root, path);
  if (path.endsWith("/"))
    return existsSync(join(direct, "index.html")) ? join(direct, "index.html") : undefined;
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  if (existsSync(join(direct, "index.html"))) return join(direct, "index.html");
  return undefined;
}

/**
 * Checks every internal reference of every page in a built site: the file it
 * points to exists, it lies under the deployment's base path, and a `#fragment`
 * names an element of the target page. External URLs are not fetched.
 */
export function checkLinks(root: string, base = "/"): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set(
        [...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ""),
      );
      idsCache.set(file, ids);
    }
    return ids;
  };
  for (const page of filesIn(root, ".html")) {
    const html = readFileSync(join(root, page), "utf8");
    const pageUrl = new URL(
      `${base}${page.replace(/(^|\/)index\.html$/, "$1")}`,
      "http://site.invalid",
    );
    for (const ref of referencesIn(html)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//")) continue;
      const url = new URL(ref, pageUrl);
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, ref, reason: `outside the base path ${base}` });
        continue;
      }
      const file = fileFor(root, decodeURIComponent(url.pathname.slice(base.length)));
      if (!file) {
        broken.push({ page, ref, reason: "no such file" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith(".html") && !idsOf(file).has(fragment)) {
        broken.push({ page, ref, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
