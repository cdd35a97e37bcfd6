import type { APIRoute } from "astro";
import { newsFile, newsPieces, pagesFile, sitemapPieces } from "../distribution/sitemap-data.ts";
import { site } from "../site/site.ts";
import { sitemapIndex } from "../distribution/sitemaps.ts";

// The sitemap index: every page's sitemap and every news sitemap.
export const GET: APIRoute = async () => {
  const pages = (await sitemapPieces()).map((_, i) => site.absoluteUrl(`/${pagesFile(i + 1)}`));
  const news = (await newsPieces()).flatMap((piece, i) =>
    piece.length === 0 ? [] : site.absoluteUrl(`/${newsFile(i + 1)}`),
  );
  return new Response(sitemapIndex([...pages, ...news]), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
};
