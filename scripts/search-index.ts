#!/usr/bin/env node
/**
 * Builds the search index of a built site: the second step of `npm run build`.
 *
 *   node scripts/search-index.ts [DIR]   (default: $DATELINE_OUT or dist/)
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { indexSite } from "../src/distribution/search-index.ts";
import { CliError, run } from "./cli.ts";

await run("search-index", async () => {
  const site = resolve(process.argv[2] ?? process.env["DATELINE_OUT"] ?? "dist");
  if (!existsSync(join(site, "index.html"))) {
    throw new CliError(
      `expected a built site in ${site}; found no index.html (run astro build first)`,
    );
  }
  const { pages, seconds } = await indexSite(site);
  console.log(`[search] Indexed ${pages} pages in ${seconds.toFixed(2)}s`);
});
