import type { APIRoute } from "astro";
import { newsFile, newsPieces } from "../distribution/sitemap-data.ts";
import { site } from "../site/site.ts";

// Everything may be crawled; the sitemaps say what there is. The news sitemap
// is named even on a quiet day when it lists nothing, so that crawlers learn
// its address once and for all; the index lists it only when it has stories.
export const GET: APIRoute = async () => {
  const news = (await newsPieces()).map(
    (_, i) => `Sitemap: ${site.absoluteUrl(`/${newsFile(i + 1)}`)}`,
  );
  const body = [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${site.absoluteUrl("/sitemap.xml")}`,
    ...news,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
