import { globSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

/** Article pages, at /YYYY/MM/DD/<section>/<slug>/, relative to the output folder. */
const ARTICLE_PAGES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/*/index.html";

/** Pages sent to Pagefind at once. */
const BATCH = 500;

/**
 * Indexes a built site for full-text search with Pagefind's Node API, writing
 * the index to `<site>/pagefind/`. Only article pages are read, and only
 * their bodies indexed: the article template marks its `<article>` with
 * `data-pagefind-body`, which leaves out navigation, the banner, related
 * stories and every listing page.
 *
 * Every build indexes every article again: Pagefind cannot update an index
 * in place, and its word index depends on all pages.
 *
 * It runs as its own step after `astro build` (see scripts/build.ts) rather
 * than inside the build, so that the build's memory is released before
 * Pagefind's is taken: at 10,000 articles the two together peaked at 3.4 GB,
 * each alone at about 2.5 and 1.8 GB.
 */
export async function indexArticles(site: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const files = globSync(ARTICLE_PAGES, { cwd: site }).sort();
    // Pagefind's service takes many files at once and indexes them in
    // parallel; the files are sent in order, so the index is the same every
    // time. A batch at a time keeps only that many pages in memory.
    for (let start = 0; start < files.length; start += BATCH) {
      const batch = files.slice(start, start + BATCH);
      const results = await Promise.all(
        batch.map((file) =>
          index.addHTMLFile({
            url: `/${file.slice(0, -"index.html".length)}`,
            content: readFileSync(join(site, file), "utf8"),
          }),
        ),
      );
      results.forEach((added, i) => {
        if (added.errors.length > 0) throw new Error(`${batch[i]}: ${added.errors.join("; ")}`);
      });
    }
    const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return {
      pages: files.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pagefind.close();
  }
}
