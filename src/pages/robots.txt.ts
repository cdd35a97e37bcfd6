import type { APIRoute } from "astro";
import { sitemapFiles } from "../distribution/sitemap-data.ts";
import { site } from "../site/site.ts";

// Everything may be crawled; the sitemaps say what there is. A news sitemap is
// named only when the build writes it: on a day with no story under two days
// old there is none, and announcing a missing file is a crawl error.
export const GET: APIRoute = async () => {
  const { news } = await sitemapFiles();
  const body = [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${site.absoluteUrl("/sitemap.xml")}`,
    ...news.map(({ loc }) => `Sitemap: ${loc}`),
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
