import { isoDateTime } from "../lib/dates.ts";
import { escapeXml } from "./xml.ts";

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
/** Google News's limit of URLs per news sitemap. */
export const NEWS_LIMIT = 1_000;
/** Google News lists stories from the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/**
 * Splits a list into pieces of at most `size`; an empty list is one empty piece,
 * so every sitemap file that is announced exists.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces.length > 0 ? pieces : [[]];
}

/** A sitemap: URLs with their last change, in W3C date-time format with the site's offset. */
export function urlset(
  entries: readonly { loc: string; lastmod?: Date | undefined }[],
  timeZone: string,
): string {
  const urls = entries.map(
    ({ loc, lastmod }) =>
      `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${isoDateTime(lastmod, timeZone)}</lastmod>` : ""}</url>`,
  );
  return [HEADER, `<urlset xmlns="${SITEMAP_NS}">`, ...urls, "</urlset>", ""].join("\n");
}

/** A sitemap index pointing at sitemap files. */
export function sitemapIndex(locs: readonly string[]): string {
  const entries = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return [HEADER, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, "</sitemapindex>", ""].join(
    "\n",
  );
}

/** A story as a news sitemap lists it. */
export interface NewsEntry {
  loc: string;
  title: string;
  published: Date;
}

/**
 * The stories a news sitemap lists at `now`: published in the two days before
 * it (not after it: a story scheduled for later is not news yet), newest first.
 */
export function recentNews<T extends { published: Date }>(stories: readonly T[], now: Date): T[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  return stories
    .filter(
      (story) => story.published.getTime() >= from && story.published.getTime() <= now.getTime(),
    )
    .sort((a, b) => b.published.getTime() - a.published.getTime());
}

/** A Google News sitemap. `language` is an ISO 639 code such as "en". */
export function newsUrlset(
  entries: readonly NewsEntry[],
  publication: { name: string; language: string },
  timeZone: string,
): string {
  const urls = entries.map((entry) =>
    [
      `<url><loc>${escapeXml(entry.loc)}</loc><news:news>`,
      `<news:publication><news:name>${escapeXml(publication.name)}</news:name>`,
      `<news:language>${escapeXml(publication.language)}</news:language></news:publication>`,
      `<news:publication_date>${isoDateTime(entry.published, timeZone)}</news:publication_date>`,
      `<news:title>${escapeXml(entry.title)}</news:title>`,
      "</news:news></url>",
    ].join(""),
  );
  return [
    HEADER,
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

// The build time's one reader lives in src/lib, shared with listing times.
export { buildTime } from "../lib/build-time.ts";
