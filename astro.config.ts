import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { searchIndex } from "./src/integrations/search-index.ts";
import { securityHeaders } from "./src/integrations/security-headers.ts";
import { markdownOptions } from "./src/markdown/plugins.ts";
import { site } from "./src/site.config.ts";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  // Deploying under a sub-path (e.g. GitHub Pages project sites): DATELINE_BASE=/news/
  base: process.env["DATELINE_BASE"] ?? "/",
  trailingSlash: "always",
  // Separate output and cache folders let tests and benchmarks build other
  // content side by side without touching dist/ or each other's caches.
  outDir: process.env["DATELINE_OUT"] ?? "./dist",
  cacheDir: process.env["DATELINE_CACHE"] ?? "./node_modules/.astro",
  build: {
    format: "directory",
    // Overlaps page rendering with writing pages to disk; measured with
    // `npm run bench` (see the README).
    concurrency: Number(process.env["DATELINE_CONCURRENCY"] ?? 4),
    // No inline <style>: the Content-Security-Policy allows styles from files only.
    inlineStylesheets: "never",
  },
  integrations: [searchIndex(), securityHeaders()],
  experimental: {
    // Pages whose cacheKey (content, related stories, banner, navigation) and
    // templates are unchanged are copied from the last build instead of
    // rendered again: a rebuild after one edit renders only what changed.
    incrementalBuild: process.env["DATELINE_INCREMENTAL"] !== "0",
  },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
});
