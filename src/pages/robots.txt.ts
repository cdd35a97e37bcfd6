import type { APIRoute } from "astro";
import { newsFile, newsPieces } from "../lib/sitemap-data.ts";
import { absoluteUrl } from "../lib/site-urls.ts";

// Everything may be crawled; the sitemaps say what there is.
export const GET: APIRoute = async () => {
  const news = (await newsPieces()).flatMap((piece, i) =>
    piece.length === 0 ? [] : `Sitemap: ${absoluteUrl(`/${newsFile(i + 1)}`)}`,
  );
  const body = [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    ...news,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
