import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/** Article pages, at /YYYY/MM/DD/<section>/<slug>/, relative to the output folder. */
const ARTICLE_PAGES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/*/index.html";

/**
 * Indexes the built site for full-text search with Pagefind's Node API once
 * the pages are written, so `astro build` alone produces the complete site,
 * wherever its output goes. Only article bodies are indexed: the article
 * template marks its `<article>` with `data-pagefind-body`, which leaves out
 * navigation, the banner, related stories and every listing page.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "dateline:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join("; ")}`);
        try {
          // Only article pages carry data-pagefind-body: reading the other
          // two thirds of the site (listings, archives) would only be skipped.
          const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES });
          if (added.errors.length > 0) throw new Error(`Search index: ${added.errors.join("; ")}`);
          const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
          if (written.errors.length > 0)
            throw new Error(`Search index: ${written.errors.join("; ")}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(`[search] Indexed ${added.page_count} pages in ${seconds}s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
