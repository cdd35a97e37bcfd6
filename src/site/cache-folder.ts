import { resolve } from "node:path";

/**
 * The folder the build keeps its caches in (Astro's `cacheDir`): Astro's
 * data store and incremental-build manifest, and Dateline's own (stories'
 * HTML, the rules' readings, related stories). `DATELINE_CACHE`, else
 * `node_modules/.astro` under the project root. The one place that says so:
 * astro.config.ts, the build and check scripts and the pages all ask here.
 */
export function cacheFolder(root: string = process.cwd()): string {
  return resolve(root, cacheSetting());
}

/** The setting as given (relative to the project root unless absolute), for Astro's config. */
export function cacheSetting(): string {
  return process.env["DATELINE_CACHE"] ?? "node_modules/.astro";
}
