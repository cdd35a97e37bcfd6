import { site } from "./site.ts";

/** The three feed formats, by file name. */
export const FEED_FILES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;

/** A set of feeds: the whole site, a section, or the developing stories. */
export interface FeedScope {
  /** Site path the feeds live under and follow: "/", "/politics/", "/developing/". */
  path: string;
  /** What readers subscribe to, e.g. "Dateline: Politics". */
  title: string;
}

/** The whole site's feeds. */
export const SITE_FEEDS: FeedScope = { path: "/", title: site.name };

/** The feeds of the stories still developing: where the banner leads. */
export const DEVELOPING_FEEDS: FeedScope = {
  path: "/developing/",
  title: `${site.name}: Developing stories`,
};

/**
 * A section's feeds, beside its page.
 *
 * @example sectionFeeds("politics", "Politics") // { path: "/politics/", title: "Dateline: Politics" }
 */
export function sectionFeeds(slug: string, name: string): FeedScope {
  return { path: `/${slug}/`, title: `${site.name}: ${name}` };
}

/** The site-relative paths of a scope's three feeds. */
export function feedPaths(scope: FeedScope): { rss: string; atom: string; json: string } {
  return {
    rss: `${scope.path}${FEED_FILES.rss}`,
    atom: `${scope.path}${FEED_FILES.atom}`,
    json: `${scope.path}${FEED_FILES.json}`,
  };
}
