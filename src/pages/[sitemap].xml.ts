import type { APIRoute, GetStaticPaths } from "astro";
import { newsFile, newsPieces, pagesFile, sitemapPieces } from "../distribution/sitemap-data.ts";
import { newsUrlset, urlset, type NewsEntry, type SitemapEntry } from "../distribution/sitemaps.ts";
import { cacheKey } from "../site/cache-keys.ts";
import { site } from "../site/site.ts";

// The sitemap files the index lists: sitemap-pages-N.xml with every public
// page, news-sitemap.xml (and -2, -3… past 1,000 stories) with the last two
// days' stories for Google News (none on a day without such a story).
// Each is reused from the last build while its entries are the same (its
// key: what the file lists; Astro hashes the code): an edit that changes no
// address or date writes no sitemap again.
export const getStaticPaths = (async () => [
  ...(await sitemapPieces()).map((entries, i) => ({
    params: { sitemap: pagesFile(i + 1).replace(/\.xml$/, "") },
    props: { entries },
    cacheKey: cacheKey("pages", entries),
  })),
  ...(await newsPieces()).map((news, i) => ({
    params: { sitemap: newsFile(i + 1).replace(/\.xml$/, "") },
    props: { news },
    cacheKey: cacheKey("news", news),
  })),
]) satisfies GetStaticPaths;

type Props =
  { entries: SitemapEntry[]; news?: undefined } | { news: NewsEntry[]; entries?: undefined };

export const GET: APIRoute<Props> = async ({ props }) => {
  const body = props.news
    ? await newsUrlset(
        props.news,
        { name: site.name, language: site.language.split("-")[0] ?? "en" },
        site.timeZone,
      )
    : await urlset(props.entries);
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
