import { defineConfig } from "astro/config";
import { buildInfo } from "./src/integrations/build-info.ts";
import { contentReport } from "./src/integrations/content-report.ts";
import { deskBundle } from "./src/integrations/desk-bundle.ts";
import { devRefresh } from "./src/integrations/dev-refresh.ts";
import { devWarmup } from "./src/integrations/dev-warmup.ts";
import { stagedBuild } from "./src/integrations/staged-build.ts";
import { siteMarkdown } from "./src/markdown/site-markdown.ts";
import { site } from "./src/site.config.ts";
import { cacheSetting } from "./src/site/cache-folder.ts";

/** Astro's `experimental.parallelPrerender` for DATELINE_PRERENDER_WORKERS (unset or 0: off). */
function prerenderWorkers(value: string | undefined): { parallelPrerender?: { workers: number } } {
  if (value === undefined || value === "" || value === "0") return {};
  if (!/^\d+$/.test(value)) {
    throw new Error(
      `DATELINE_PRERENDER_WORKERS: expected a whole number of worker threads (0: none); found "${value}"`,
    );
  }
  return { parallelPrerender: { workers: Number(value) } };
}

// Deploying under a sub-path (e.g. GitHub Pages project sites): DATELINE_BASE=/news/
const base = process.env["DATELINE_BASE"] ?? "/";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  base,
  trailingSlash: "always",
  // Separate output and cache folders let tests and benchmarks build other
  // content side by side without touching dist/ or each other's caches.
  outDir: process.env["DATELINE_OUT"] ?? "./dist",
  cacheDir: cacheSetting(),
  build: {
    format: "directory",
    // Pages rendered at once, so that one's rendering overlaps others'
    // writing to disk: the clean build's page phase at 10,000 stories took
    // 40.5 and 37.6 s at 16 against 43.0 to 55.9 s at 4 (`npm run bench`,
    // see the README).
    concurrency: Number(process.env["DATELINE_CONCURRENCY"] ?? 16),
    // No inline <style>: the Content-Security-Policy allows styles from files only.
    inlineStylesheets: "never",
  },
  // Astro's own logger, with the pages a build writes counted rather than
  // listed (src/integrations/build-log.js).
  logger: { entrypoint: "./src/integrations/build-log.js" },
  // devRefresh: after an edit, `astro dev` re-runs the content loader through
  // Astro's content layer, which writes the data store at once. devWarmup:
  // once it listens, `astro dev` works out the archive and asks for a story's
  // page, a listing page and the front page, so the editor's pages find it done.
  // stagedBuild: what `npm run build` needs of Astro (scripts/build.ts).
  // deskBundle: the editors' desk's manager at /admin/sveltia/ (src/pages/admin/).
  // buildInfo: build.json, when the site goes stale (npm run due reads it).
  integrations: [
    contentReport(),
    buildInfo(),
    stagedBuild(),
    devRefresh(),
    devWarmup(),
    deskBundle(),
  ],
  experimental: {
    // Pages whose cacheKey (content, related stories, banner, navigation) and
    // templates are unchanged are copied from Astro's cache of the last build
    // (in the cache folder) instead of rendered again: a rebuild after one
    // edit renders only what changed.
    incrementalBuild: true,
    // Pages rendered on worker threads as well: off unless asked for. On this
    // project's 2-core machine (one worker), a clean 10,000-story build's page
    // phase took 3m 3s against 3m 28s, but 10% more processor time and a peak
    // of 1.80 GB against 1.23 GB for the Astro process: each worker holds the
    // whole archive again. Worth it with more cores and memory:
    // DATELINE_PRERENDER_WORKERS=3 on a 4-core machine with 4 GB to spare.
    ...prerenderWorkers(process.env["DATELINE_PRERENDER_WORKERS"]),
  },
  markdown: {
    // The one definition of the site's pipeline, which the content loader's
    // render threads build too (src/markdown/site-markdown.ts).
    processor: siteMarkdown({ base, timeZone: site.timeZone, shortName: site.shortName }),
    syntaxHighlight: false,
  },
});
