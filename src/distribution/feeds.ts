import { isoDateTime } from "../lib/dates.ts";
import type { FeedFormat } from "../site/routes.ts";
import { escapeXml } from "./xml.ts";

/** One story in a feed, with every URL absolute. */
export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  /** The full story as HTML, with absolute URLs. */
  contentHtml: string;
  published: Date;
  updated: Date;
  /** The byline: people with their pages, or the credited organisation alone. */
  authors: readonly { name: string; url?: string | undefined }[];
  categories: readonly string[];
}

/** What a feed says about itself. */
export interface FeedMeta {
  title: string;
  description: string;
  /** The page the feed follows, absolute. */
  homeUrl: string;
  /** This feed's own absolute URL and MIME type (from the registry in src/site/routes.ts): each feed names itself. */
  self: { url: string; type: string };
  language: string;
  /** The publication, the author of last resort Atom requires. */
  publisher: string;
  timeZone: string;
}

/** The newest change among the items, or the epoch for an empty feed. */
function lastChange(items: readonly FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((item) => item.updated.getTime())));
}

/** Content inside CDATA, with the one sequence that would end it split. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/**
 * RSS 2.0 with the content and Dublin Core modules, dates in RFC 822. RSS has
 * no field for a change, so `dc:date` carries the last one (W3C format).
 */
export function buildRss(meta: FeedMeta, items: readonly FeedItem[]): string {
  const entries = items.map((item) =>
    [
      "<item>",
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `<pubDate>${item.published.toUTCString()}</pubDate>`,
      `<dc:date>${isoDateTime(item.updated, meta.timeZone)}</dc:date>`,
      `<description>${escapeXml(item.summary)}</description>`,
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      ...item.authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`),
      ...item.categories.map((category) => `<category>${escapeXml(category)}</category>`),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    `<title>${escapeXml(meta.title)}</title>`,
    `<link>${escapeXml(meta.homeUrl)}</link>`,
    `<description>${escapeXml(meta.description)}</description>`,
    `<language>${escapeXml(meta.language)}</language>`,
    `<lastBuildDate>${lastChange(items).toUTCString()}</lastBuildDate>`,
    `<atom:link href="${escapeXml(meta.self.url)}" rel="self" type="${escapeXml(meta.self.type)}"/>`,
    ...entries,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** Atom 1.0, dates in RFC 3339 with the site's offset. */
export function buildAtom(meta: FeedMeta, items: readonly FeedItem[]): string {
  const time = (date: Date) => isoDateTime(date, meta.timeZone);
  const entries = items.map((item) =>
    [
      "<entry>",
      `<id>${escapeXml(item.url)}</id>`,
      `<title type="text">${escapeXml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `<published>${time(item.published)}</published>`,
      `<updated>${time(item.updated)}</updated>`,
      ...item.authors.map(
        (author) =>
          `<author><name>${escapeXml(author.name)}</name>${author.url ? `<uri>${escapeXml(author.url)}</uri>` : ""}</author>`,
      ),
      ...item.categories.map((category) => `<category term="${escapeXml(category)}"/>`),
      `<summary type="text">${escapeXml(item.summary)}</summary>`,
      `<content type="html">${escapeXml(item.contentHtml)}</content>`,
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.language)}">`,
    `<id>${escapeXml(meta.self.url)}</id>`,
    `<title type="text">${escapeXml(meta.title)}</title>`,
    `<subtitle type="text">${escapeXml(meta.description)}</subtitle>`,
    `<updated>${time(lastChange(items))}</updated>`,
    `<link rel="self" type="${escapeXml(meta.self.type)}" href="${escapeXml(meta.self.url)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(meta.homeUrl)}"/>`,
    `<author><name>${escapeXml(meta.publisher)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** JSON Feed 1.1. */
export function buildJsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  const time = (date: Date) => isoDateTime(date, meta.timeZone);
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: meta.title,
      home_page_url: meta.homeUrl,
      feed_url: meta.self.url,
      description: meta.description,
      language: meta.language,
      authors: [{ name: meta.publisher }],
      items: items.map((item) => ({
        id: item.url,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.contentHtml,
        date_published: time(item.published),
        date_modified: time(item.updated),
        ...(item.authors.length > 0 ? { authors: item.authors } : {}),
        ...(item.categories.length > 0 ? { tags: item.categories } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** A feed format's builder: the feed's text from what it says about itself and its items. */
export type FeedBuilder = (meta: FeedMeta, items: readonly FeedItem[]) => string;

/** The builder of every format in the registry; a format without one does not type-check. */
export const FEED_BUILDERS: Record<FeedFormat, FeedBuilder> = {
  rss: buildRss,
  atom: buildAtom,
  json: buildJsonFeed,
};
