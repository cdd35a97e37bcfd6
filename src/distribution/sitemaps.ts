import { Readable, type Transform } from "node:stream";
import { ErrorLevel, SitemapIndexStream, SitemapStream, streamToPromise } from "sitemap";
import { isoDateTime } from "../lib/dates.ts";
import { inNewsWindow } from "../news/time-rules.ts";

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
/** Google News's limit of URLs per news sitemap. */
export const NEWS_LIMIT = 1_000;

/**
 * Splits a list into pieces of at most `size`; an empty list is no piece, so
 * no empty sitemap (an invalid `<urlset>`) is ever written or announced.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
}

/** A sitemap or index entry: an absolute URL and its last change. */
export interface SitemapEntry {
  loc: string;
  lastmod?: Date | undefined;
}

// The XML is written by the `sitemap` package, which escapes, names the
// namespaces and refuses an empty file (EmptySitemap). Its `lastmod` is in UTC.
const THROW = { level: ErrorLevel.THROW };

async function render(stream: Transform, items: readonly unknown[]): Promise<string> {
  return `${(await streamToPromise(Readable.from(items).pipe(stream))).toString()}\n`;
}

const item = ({ loc, lastmod }: SitemapEntry) => ({
  url: loc,
  ...(lastmod ? { lastmod: lastmod.toISOString() } : {}),
});

/** A sitemap: URLs with their last change. */
export function urlset(entries: readonly SitemapEntry[]): Promise<string> {
  return render(
    new SitemapStream({
      ...THROW,
      xmlns: { news: false, xhtml: false, image: false, video: false },
    }),
    entries.map(item),
  );
}

/** A sitemap index pointing at sitemap files, each with its newest change. */
export function sitemapIndex(entries: readonly SitemapEntry[]): Promise<string> {
  return render(new SitemapIndexStream(THROW), entries.map(item));
}

/** A story as a news sitemap lists it. */
export interface NewsEntry {
  loc: string;
  title: string;
  published: Date;
}

/**
 * The stories a news sitemap lists at `now`: published under two days before
 * it (not after it: a story scheduled for later is not news yet), newest
 * first. The window and when a story leaves it: src/news/time-rules.ts.
 */
export function recentNews<T extends { published: Date }>(stories: readonly T[], now: Date): T[] {
  return stories
    .filter((story) => inNewsWindow(story.published, now))
    .sort((a, b) => b.published.getTime() - a.published.getTime());
}

/**
 * A Google News sitemap. `language` is an ISO 639 code such as "en"; the
 * publication date keeps the site's offset, as Google's examples do.
 */
export function newsUrlset(
  entries: readonly NewsEntry[],
  publication: { name: string; language: string },
  timeZone: string,
): Promise<string> {
  return render(
    new SitemapStream({
      ...THROW,
      xmlns: { news: true, xhtml: false, image: false, video: false },
    }),
    entries.map((entry) => ({
      url: entry.loc,
      news: {
        publication,
        publication_date: isoDateTime(entry.published, timeZone),
        title: entry.title,
      },
    })),
  );
}
