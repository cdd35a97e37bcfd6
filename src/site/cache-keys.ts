import { createHash } from "node:crypto";

/**
 * A cache key for Astro's incremental builds: a digest of everything a page
 * shows that its template does not (Astro hashes the templates itself).
 * Equal keys mean the previous build's output can be reused.
 *
 * @example cacheKey("site-1", ["/a/", 123]) // "5d41…" (40 hex digits)
 */
export function cacheKey(...parts: readonly unknown[]): string {
  return createHash("sha1").update(JSON.stringify(parts)).digest("hex");
}
