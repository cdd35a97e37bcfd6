import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
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
}

/** The newest change among the items, or the epoch for an empty feed. */
function lastChange(items: readonly FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((item) => item.updated.getTime())));
}

// The three formats are written by feedsmith, which escapes text and
// CDATA (a "]]>" in a headline or body) and names the namespaces it uses.
// It writes Atom and JSON Feed dates in UTC: the same instants as the
// site's local times, which feed readers convert anyway.

/**
 * RSS 2.0 with the content and Dublin Core modules. RSS's `<author>` must be an
 * e-mail address, so the byline goes in `dc:creator`; RSS has no field for a
 * change, so `dc:date` carries the last one.
 */
export function buildRss(meta: FeedMeta, items: readonly FeedItem[]): string {
  return `${generateRssFeed({
    title: meta.title,
    link: meta.homeUrl,
    description: meta.description,
    language: meta.language,
    lastBuildDate: lastChange(items),
    atom: { links: [{ href: meta.self.url, rel: "self", type: meta.self.type }] },
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      guid: { value: item.url, isPermaLink: true },
      pubDate: item.published,
      // RSS readers read a description as HTML; the summary is the editor's
      // plain text, so "<img onerror>" typed into it must reach them as text.
      description: escapeXml(item.summary),
      content: { encoded: item.contentHtml },
      dc: { creators: item.authors.map((author) => author.name), dates: [item.updated] },
      categories: item.categories.map((name) => ({ name })),
    })),
  })}\n`;
}

/** Atom 1.0: each entry with its authors' pages, the feed with its publisher. */
export function buildAtom(meta: FeedMeta, items: readonly FeedItem[]): string {
  return `${generateAtomFeed({
    id: meta.self.url,
    title: { value: meta.title, type: "text" },
    subtitle: { value: meta.description, type: "text" },
    updated: lastChange(items),
    links: [
      { href: meta.self.url, rel: "self", type: meta.self.type },
      { href: meta.homeUrl, rel: "alternate", type: "text/html" },
    ],
    authors: [{ name: meta.publisher }],
    xml: { lang: meta.language },
    entries: items.map((item) => ({
      id: item.url,
      title: { value: item.title, type: "text" },
      links: [{ href: item.url, rel: "alternate", type: "text/html" }],
      published: item.published,
      updated: item.updated,
      authors: item.authors.map((author) => ({
        name: author.name,
        ...(author.url ? { uri: author.url } : {}),
      })),
      categories: item.categories.map((term) => ({ term })),
      summary: { value: item.summary, type: "text" },
      content: { value: item.contentHtml, type: "html" },
    })),
  })}\n`;
}

/** JSON Feed 1.1. */
export function buildJsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  const feed = generateJsonFeed({
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
      date_published: item.published,
      date_modified: item.updated,
      ...(item.authors.length > 0
        ? {
            authors: item.authors.map((author) => ({
              name: author.name,
              ...(author.url ? { url: author.url } : {}),
            })),
          }
        : {}),
      ...(item.categories.length > 0 ? { tags: [...item.categories] } : {}),
    })),
  });
  // feedsmith drops an empty list, but JSON Feed requires `items`, empty or not.
  return `${JSON.stringify({ ...(feed as object), items: (feed as { items?: unknown[] }).items ?? [] }, null, 2)}\n`;
}

/** A feed format's builder: the feed's text from what it says about itself and its items. */
export type FeedBuilder = (meta: FeedMeta, items: readonly FeedItem[]) => string;

/** The builder of every format in the registry; a format without one does not type-check. */
export const FEED_BUILDERS: Record<FeedFormat, FeedBuilder> = {
  rss: buildRss,
  atom: buildAtom,
  json: buildJsonFeed,
};
