import { getArticles, getListings, lastChange } from "../news/articles.ts";
import { buildNow } from "../site/build-time.ts";
import { staticPagePaths } from "../site/routes.ts";
import { site } from "../site/site.ts";
import {
  chunk,
  NEWS_LIMIT,
  recentNews,
  SITEMAP_LIMIT,
  type NewsEntry,
  type SitemapEntry,
} from "./sitemaps.ts";

/** Every public page with its last change, in pieces of the protocol's size. */
export async function sitemapPieces(): Promise<SitemapEntry[][]> {
  const articles = await getArticles();
  const { pages, frontFirst, lead } = await getListings();
  const newest = (items: readonly { article: (typeof articles)[number] }[]) =>
    items.reduce<Date | undefined>((latest, { article }) => {
      const time = lastChange(article);
      return !latest || time > latest ? time : latest;
    }, undefined);
  const entries = [
    {
      loc: site.absoluteUrl("/"),
      lastmod: lead ? newest([{ article: lead }, ...frontFirst.items]) : undefined,
    },
    ...articles.map((article) => ({
      loc: site.absoluteUrl(article.path),
      lastmod: lastChange(article),
    })),
    ...pages.map((page) => ({ loc: site.absoluteUrl(page.path), lastmod: newest(page.items) })),
    // Pages without stories of their own, listed with no last change.
    ...staticPagePaths().map((path) => ({ loc: site.absoluteUrl(path) })),
  ];
  return chunk(entries, SITEMAP_LIMIT);
}

/**
 * The news sitemap's stories at build time, in pieces of Google News's size:
 * none at all when no story is under two days old.
 */
export async function newsPieces(): Promise<NewsEntry[][]> {
  const now = buildNow("news-sitemap");
  const stories = (await getArticles()).map((article) => ({
    loc: site.absoluteUrl(article.path),
    title: article.data.headline,
    published: article.data.published,
  }));
  return chunk(recentNews(stories, now), NEWS_LIMIT);
}

/** File names: sitemap-pages-1.xml…, news-sitemap.xml, news-sitemap-2.xml… */
export const pagesFile = (n: number) => `sitemap-pages-${n}.xml`;
export const newsFile = (n: number) => (n === 1 ? "news-sitemap.xml" : `news-sitemap-${n}.xml`);

/** The newest of some times, `undefined` for none. */
const newestOf = (times: readonly (Date | undefined)[]) =>
  times.reduce<Date | undefined>(
    (latest, time) => (time && (!latest || time > latest) ? time : latest),
    undefined,
  );

/**
 * Every sitemap file the build writes, with its newest change, for the index
 * and robots.txt: the page sitemaps, then the news sitemaps that have stories.
 */
export async function sitemapFiles(): Promise<{ pages: SitemapEntry[]; news: SitemapEntry[] }> {
  return {
    pages: (await sitemapPieces()).map((piece, i) => ({
      loc: site.absoluteUrl(`/${pagesFile(i + 1)}`),
      lastmod: newestOf(piece.map((entry) => entry.lastmod)),
    })),
    news: (await newsPieces()).map((piece, i) => ({
      loc: site.absoluteUrl(`/${newsFile(i + 1)}`),
      lastmod: newestOf(piece.map((entry) => entry.published)),
    })),
  };
}
