import { join } from "node:path";

/**
 * What `npm run build` (scripts/build.ts) and the Astro process it starts
 * agree on, in one place: the variables the script sets, and where Astro
 * keeps its copies of built pages.
 */
export const STAGED_BUILD = {
  /** The file that exists once the staging folder holds the pages linked for reuse. */
  readyVariable: "DATELINE_STAGING_READY",
  /** Where Astro's `astro:build:done` list of the files it made goes. */
  builtFilesVariable: "DATELINE_BUILT_FILES",
} as const;

/**
 * Where Astro keeps its copy of every page it renders with a `cacheKey`
 * (`experimental.incrementalBuild`): `dist/` in its cache folder, under the
 * page's path in the output. Astro copies a page from there into the output
 * when it reuses it; the build links it instead (scripts/publish/staging.ts).
 */
export function pageCopiesFolder(cache: string): string {
  return join(cache, "dist");
}
