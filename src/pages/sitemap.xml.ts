import type { APIRoute } from "astro";
import { sitemapFiles } from "../distribution/sitemap-data.ts";
import { sitemapIndex } from "../distribution/sitemaps.ts";

// The sitemap index: every page sitemap and every news sitemap the build writes.
export const GET: APIRoute = async () => {
  const { pages, news } = await sitemapFiles();
  return new Response(await sitemapIndex([...pages, ...news]), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
};
