import { describe, expect, test } from "vitest";
import {
  ASSET_FOLDERS,
  DEVELOPING_FEEDS,
  FEED_FORMATS,
  feedLinks,
  footerGroups,
  LISTING_KINDS,
  listingIndexes,
  listingPath,
  PAGES,
  RESERVED_SEGMENTS,
  sectionFeeds,
  SITE_FEEDS,
  staticPagePaths,
} from "../../src/site/routes.ts";

describe("the route registry", () => {
  test("every feed scope offers every format, in registry order, with its MIME type", () => {
    expect(feedLinks(sectionFeeds("politics", "Politics"))).toEqual([
      {
        format: "rss",
        path: "/politics/feed.xml",
        type: "application/rss+xml",
        label: "RSS",
        title: "Dateline: Politics (RSS)",
      },
      {
        format: "atom",
        path: "/politics/atom.xml",
        type: "application/atom+xml",
        label: "Atom",
        title: "Dateline: Politics (Atom)",
      },
      {
        format: "json",
        path: "/politics/feed.json",
        type: "application/feed+json",
        label: "JSON Feed",
        title: "Dateline: Politics (JSON Feed)",
      },
    ]);
    expect(feedLinks(SITE_FEEDS).map((feed) => feed.path)).toEqual([
      "/feed.xml",
      "/atom.xml",
      "/feed.json",
    ]);
    expect(feedLinks(DEVELOPING_FEEDS)).toHaveLength(Object.keys(FEED_FORMATS).length);
  });

  test("listing paths follow their kind's prefix", () => {
    expect(listingPath("section", "politics")).toBe("/politics/");
    expect(listingPath("tag", "alabama")).toBe("/tags/alabama/");
    expect(listingPath("person", "ann-author")).toBe("/people/ann-author/");
    expect(listingPath("archive", "2020/05")).toBe("/2020/05/");
  });

  test("the sitemap lists the indexes, then the site's pages", () => {
    expect(staticPagePaths()).toEqual([
      "/sections/",
      "/tags/",
      "/people/",
      "/about/",
      "/corrections/",
      "/contact/",
      "/developing/",
      "/feeds/",
      "/search/",
    ]);
  });

  test("the footer leads into the archive, to following, and to the publication", () => {
    expect(
      footerGroups().map((group) => [group.title, group.links.map((link) => link.label)]),
    ).toEqual([
      ["Browse", ["Sections", "Topics", "People", "Search"]],
      ["Follow", ["Developing stories", "Feeds"]],
      ["About us", ["About Dateline", "Corrections policy", "Contact us"]],
    ]);
  });

  test("no section can take a path the site uses itself", () => {
    const own = [
      ...staticPagePaths(),
      ...Object.values(LISTING_KINDS).map((kind) => kind.prefix),
      ...listingIndexes().map((index) => index.path),
      ...Object.values(PAGES).map((page) => page.path),
      "/page/2/", // later front pages
      ...Object.values(ASSET_FOLDERS).map((folder) => `/${folder}/`),
    ]
      .map((path) => path.split("/")[1])
      .filter((segment) => segment !== "");
    for (const segment of own) expect(RESERVED_SEGMENTS).toContain(segment);
    expect([...RESERVED_SEGMENTS].sort()).toEqual([
      "_astro",
      "about",
      "contact",
      "corrections",
      "developing",
      "feeds",
      "page",
      "pagefind",
      "people",
      "search",
      "sections",
      "tags",
    ]);
  });
});
