import { join } from "node:path";
import * as pagefind from "pagefind";
import { ASSET_FOLDERS } from "../site/routes.ts";

/** Article pages, at /YYYY/MM/DD/<section>/<slug>/, relative to the output folder. */
const ARTICLE_PAGES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/*/index.html";

/**
 * Indexes a built site for full-text search with Pagefind's Node API, writing
 * the index to `<site>/pagefind/` (`ASSET_FOLDERS.search`). Only article pages are read, and only
 * their bodies indexed: the article template marks its `<article>` with
 * `data-pagefind-body`, which leaves out navigation, the banner, related
 * stories and every listing page.
 *
 * Every build indexes every article again: Pagefind cannot update an index
 * in place, and its word index depends on all pages.
 *
 * It runs as its own step after `astro build` (see scripts/build.ts), on the
 * staged site, rather than inside the build, so that the build's memory is
 * released before Pagefind's is taken: at 10,000 articles the two together
 * peaked at 3.4 GB, each alone at about 2.5 and 1.8 GB.
 */
export async function indexSite(site: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: join(site, ASSET_FOLDERS.search) });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
