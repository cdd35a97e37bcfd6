import { PAGE_SEGMENT } from "../lib/pagination.ts";
import { site } from "./site.ts";

/**
 * The registry of the site's own addresses: its feed formats, its kinds of
 * listing and the pages it writes besides articles. Everything that lists
 * them is derived from here: the reserved section names, the sitemap's pages,
 * the footer, the head's and the pages' feed links, the feed endpoint. Adding
 * a feed format or a listing kind means an entry here and its builder
 * (`FEED_BUILDERS` in src/distribution/feeds.ts, `buildListings` in
 * src/news/listings.ts), which the type checker holds to this registry.
 */

/** A feed format the site writes for every feed scope. */
export interface FeedFormatInfo {
  /** File name under the scope's path. */
  file: string;
  /** MIME type, for links and the response. */
  type: string;
  /** What readers call it. */
  label: string;
}

/** The feed formats, in the order they are offered. */
export const FEED_FORMATS = {
  rss: { file: "feed.xml", type: "application/rss+xml", label: "RSS" },
  atom: { file: "atom.xml", type: "application/atom+xml", label: "Atom" },
  json: { file: "feed.json", type: "application/feed+json", label: "JSON Feed" },
} as const satisfies Record<string, FeedFormatInfo>;

export type FeedFormat = keyof typeof FEED_FORMATS;

/** The formats' keys, in registry order. */
export const FEED_FORMAT_KEYS = Object.keys(FEED_FORMATS) as FeedFormat[];

/** A set of feeds, one per format: the whole site's, a section's, the developing stories'. */
export interface FeedScope {
  /** Site path the feeds live under and follow: "/", "/politics/", "/developing/". */
  path: string;
  /** What readers subscribe to, e.g. "Dateline: Politics". */
  title: string;
  /** What the feeds carry, for the feeds themselves. */
  description: string;
}

/** The whole site's feeds. */
export const SITE_FEEDS: FeedScope = { path: "/", title: site.name, description: site.description };

/** One feed of a scope, as a link: site path, MIME type and a title naming scope and format. */
export interface FeedLink {
  format: FeedFormat;
  /** Site path, without the base. */
  path: string;
  type: string;
  label: string;
  /** "Dateline: Politics (RSS)". */
  title: string;
}

/**
 * A scope's feeds in every format, in registry order.
 *
 * @example feedLinks(SITE_FEEDS)[0] // { format: "rss", path: "/feed.xml", type: "application/rss+xml", … }
 */
export function feedLinks(scope: FeedScope): FeedLink[] {
  return FEED_FORMAT_KEYS.map((format) => {
    const { file, type, label } = FEED_FORMATS[format];
    return {
      format,
      path: `${scope.path}${file}`,
      type,
      label,
      title: `${scope.title} (${label})`,
    };
  });
}

/** The kinds of listing the site writes. */
export type ListingKind = "front" | "section" | "tag" | "person" | "archive";

/** How a kind of listing appears on the site. */
export interface ListingKindInfo {
  /** Site path a listing's key is appended to: "/tags/" gives /tags/<key>/. */
  prefix: string;
  /** The description of a listing page with this title. */
  describe: (title: string) => string;
  /** The page that lists every listing of the kind, when there is one. */
  index?: { path: string; title: string; what: string } | undefined;
  /** The feeds each listing of the kind has, when it has any. */
  feeds?: ((key: string, title: string) => FeedScope) | undefined;
}

const storiesFrom = (title: string) => `${title}: stories from ${site.name}.`;

/**
 * A section's feeds, beside its page.
 *
 * @example sectionFeeds("politics", "Politics").title // "Dateline: Politics"
 */
export function sectionFeeds(slug: string, name: string): FeedScope {
  return {
    path: listingPath("section", slug),
    title: `${site.name}: ${name}`,
    description: `${name} stories from ${site.name}.`,
  };
}

/** Every kind of listing, in the order their indexes appear in the footer and the sitemap. */
export const LISTING_KINDS: Record<ListingKind, ListingKindInfo> = {
  front: { prefix: "/", describe: () => site.description },
  section: {
    prefix: "/",
    describe: storiesFrom,
    index: { path: "/sections/", title: "Sections", what: "Every section" },
    feeds: sectionFeeds,
  },
  tag: {
    prefix: "/tags/",
    describe: storiesFrom,
    index: { path: "/tags/", title: "Topics", what: "Every topic" },
  },
  person: {
    prefix: "/people/",
    describe: (title) => `Stories by and with ${title} at ${site.name}.`,
    index: { path: "/people/", title: "People", what: "Every reporter and contributor" },
  },
  archive: { prefix: "/", describe: storiesFrom },
};

/**
 * The site path of a listing's first page.
 *
 * @example listingPath("tag", "alabama") // "/tags/alabama/"
 */
export function listingPath(kind: ListingKind, key: string): string {
  return `${LISTING_KINDS[kind].prefix}${key}/`;
}

/** The kinds that have an index page, with it. */
export function listingIndexes(): {
  kind: ListingKind;
  path: string;
  title: string;
  what: string;
}[] {
  return (Object.keys(LISTING_KINDS) as ListingKind[]).flatMap((kind) => {
    const index = LISTING_KINDS[kind].index;
    return index ? [{ kind, ...index }] : [];
  });
}

/** A page of the site's own that is neither an article nor a listing. */
export interface SitePage {
  path: string;
  /** Its link text in the footer. */
  label: string;
  /** The footer's column: ways into the archive, ways to follow, the publication. */
  group: FooterGroup;
  /** Feeds the page announces, when it has its own. */
  feeds?: FeedScope | undefined;
}

/** The footer's columns, in order. */
export const FOOTER_GROUPS = {
  browse: "Browse",
  follow: "Follow",
  publication: "About us",
} as const;

export type FooterGroup = keyof typeof FOOTER_GROUPS;

/** The site's own pages, in sitemap order. */
export const PAGES = {
  about: { path: "/about/", label: `About ${site.name}`, group: "publication" },
  corrections: { path: "/corrections/", label: "Corrections policy", group: "publication" },
  contact: { path: "/contact/", label: "Contact us", group: "publication" },
  developing: {
    path: "/developing/",
    label: "Developing stories",
    group: "follow",
    feeds: {
      path: "/developing/",
      title: `${site.name}: Developing stories`,
      description: `Stories ${site.name} is still updating, newest update first.`,
    },
  },
  feeds: { path: "/feeds/", label: "Feeds", group: "follow" },
  search: { path: "/search/", label: "Search", group: "browse" },
} as const satisfies Record<string, SitePage>;

/** The feeds of the stories still developing: where the banner leads. */
export const DEVELOPING_FEEDS: FeedScope = PAGES.developing.feeds;

/** Folders the build writes besides pages: Astro's assets, the search index. */
export const ASSET_FOLDERS = { assets: "_astro", search: "pagefind" } as const;

/** Pages without stories of their own, for the sitemap: the indexes, then the site's pages. */
export function staticPagePaths(): string[] {
  return [
    ...listingIndexes().map((index) => index.path),
    ...Object.values(PAGES).map((p) => p.path),
  ];
}

/**
 * The footer's columns: ways into the archive (the indexes, then search),
 * ways to follow the newsroom, and the pages about the publication.
 */
export function footerGroups(): { title: string; links: { path: string; label: string }[] }[] {
  const pages: SitePage[] = Object.values(PAGES);
  const links = (group: FooterGroup) =>
    pages.filter((page) => page.group === group).map(({ path, label }) => ({ path, label }));
  return (Object.keys(FOOTER_GROUPS) as FooterGroup[]).map((group) => ({
    title: FOOTER_GROUPS[group],
    links: [
      ...(group === "browse"
        ? listingIndexes().map(({ path, title }) => ({ path, label: title }))
        : []),
      ...links(group),
    ],
  }));
}

/**
 * First path segments the site uses for its own pages and files, so no
 * section may take them: listing prefixes, pagination, indexes, pages and
 * asset folders.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(
  [
    ...Object.values(LISTING_KINDS).map((kind) => kind.prefix),
    `/${PAGE_SEGMENT}/`,
    ...staticPagePaths(),
    ...Object.values(ASSET_FOLDERS).map((folder) => `/${folder}/`),
  ]
    .map((path) => path.split("/")[1] ?? "")
    .filter((segment) => segment !== ""),
);
