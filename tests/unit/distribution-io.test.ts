import type { CollectionEntry } from "astro:content";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { entry } from "../support/articles.ts";

// The I/O modules of src/distribution/ over a mocked collection and image
// service: what they read, what they build from it, and that they build once.
let collection: CollectionEntry<"articles">[] = [];
const getCollection = vi.fn(async () => collection);
const render = vi.fn();
vi.mock("astro:content", () => ({ getCollection, render }));
const getImage = vi.fn(async ({ width }: { width: number }) => ({
  src: `${import.meta.env.BASE_URL}_astro/lead.${width}.jpg`,
  attributes: { width: String(width), height: String(width / 2) },
}));
vi.mock("astro:assets", () => ({ getImage }));

const image = { src: "/src/lead.jpg", width: 2400, height: 1200, format: "jpg" };

async function load(entries: CollectionEntry<"articles">[], base = "/") {
  collection = entries;
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("DEV", false);
  vi.stubEnv("BASE_URL", base);
  getImage.mockClear();
  return {
    articles: await import("../../src/news/articles.ts"),
    leadImage: await import("../../src/distribution/lead-image.ts"),
    feedItems: await import("../../src/distribution/feed-items.ts"),
    sitemapData: await import("../../src/distribution/sitemap-data.ts"),
  };
}

const story = entry(
  "politics/vote",
  {
    headline: "Senate votes",
    published: new Date("2021-03-01T23:30:00-05:00"),
    authors: ["Ann Author"],
    contributors: ["Cy Contributor"],
    source: "CNN",
    corrections: [{ date: new Date("2021-03-02T09:00:00-05:00"), text: "A name was misspelled." }],
    image: { src: image, alt: "The chamber", caption: "The vote.", credit: "Jo Photo" } as never,
  },
  "Body.",
);
story.rendered = {
  ...story.rendered,
  html: '<p>Body with <a href="/2020/">a link</a>.</p>',
};
const bare = entry("world/plain", { published: new Date("2021-02-27T12:00:00-05:00") });

beforeAll(() => load([]), 60_000);

describe("lead-image", () => {
  test("one 1200-pixel JPEG per story, its URL absolute with the base once", async () => {
    const { articles, leadImage } = await load([story], "/news/");
    const [article] = await articles.getArticles();
    const shared = await leadImage.sharedImage(article!);
    await leadImage.sharedImage(article!);
    expect(getImage).toHaveBeenCalledTimes(1);
    expect(getImage).toHaveBeenCalledWith({ src: image, width: 1200, format: "jpg" });
    expect(shared).toEqual({
      url: "https://dateline.example.com/news/_astro/lead.1200.jpg",
      width: 1200,
      height: 600,
      alt: "The chamber",
    });
  });

  test("no image, no shared image", async () => {
    const { articles, leadImage } = await load([bare]);
    const [article] = await articles.getArticles();
    expect(await leadImage.sharedImage(article!)).toBeUndefined();
    expect(getImage).not.toHaveBeenCalled();
  });

  test("a story without a photo is shared with the site's default image, under the base", async () => {
    const { articles, leadImage } = await load([bare, story], "/news/");
    const [withPhoto, withoutPhoto] = await articles.getArticles();
    expect(await leadImage.shareImageOf(withoutPhoto!)).toEqual({
      url: "https://dateline.example.com/news/share.png",
      width: 1200,
      height: 630,
      alt: "Dateline",
    });
    expect((await leadImage.shareImageOf(withPhoto!)).url).toBe(
      "https://dateline.example.com/news/_astro/lead.1200.jpg",
    );
  });
});

describe("feed-items", () => {
  test("a story as a feed item: image, body, credits and corrections, every URL absolute", async () => {
    const { articles, feedItems } = await load([story], "/news/");
    const [article] = await articles.getArticles();
    const item = await feedItems.feedItem(article!);
    expect(await feedItems.feedItem(article!)).toBe(item);
    expect(render).not.toHaveBeenCalled();
    expect(item.url).toBe("https://dateline.example.com/news/2021/03/01/politics/vote/");
    expect(item.authors).toEqual([
      { name: "Ann Author", url: "https://dateline.example.com/news/people/ann-author/" },
    ]);
    expect(item.categories).toEqual(["Politics"]);
    expect(item.contentHtml.split("\n")).toEqual([
      '<figure><img src="https://dateline.example.com/news/_astro/lead.1200.jpg" alt="The chamber" width="1200" height="600"><figcaption>The vote. Jo Photo</figcaption></figure>',
      '<p>Body with <a href="https://dateline.example.com/2020/">a link</a>.</p>',
      "<p><em>CNN&apos;s Cy Contributor contributed to this report.</em></p>",
      "<p><strong>Correction, March 2, 2021:</strong> A name was misspelled.</p>",
    ]);
  });

  test("a story without a byline is credited to its source", async () => {
    const { articles, feedItems } = await load([bare]);
    const [article] = await articles.getArticles();
    expect((await feedItems.feedItem(article!)).authors).toEqual([{ name: "Dateline" }]);
  });
});

describe("sitemap-data", () => {
  test("every page once, with the last change of what it lists", async () => {
    const { sitemapData } = await load([story, bare]);
    const [entries = []] = await sitemapData.sitemapPieces();
    const locs = entries.map((e) => e.loc.replace("https://dateline.example.com", ""));
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual(
      expect.arrayContaining([
        "/",
        "/2021/03/01/politics/vote/",
        "/politics/",
        "/tags/",
        "/people/ann-author/",
        "/about/",
        "/search/",
      ]),
    );
    const politics = entries.find((e) => e.loc.endsWith("/politics/"));
    expect(politics?.lastmod).toEqual(story.data.published);
    expect(entries.find((e) => e.loc.endsWith("/about/"))?.lastmod).toBeUndefined();
  });

  test("the news sitemap lists the two days before the build time", async () => {
    const { sitemapData } = await load([story, bare]);
    vi.stubEnv("DATELINE_BUILD_TIME", "2021-03-02T12:00:00-05:00");
    const [news = []] = await sitemapData.newsPieces();
    expect(news.map((n) => n.title)).toEqual(["Senate votes"]);
    expect(sitemapData.pagesFile(2)).toBe("sitemap-pages-2.xml");
    expect(sitemapData.newsFile(1)).toBe("news-sitemap.xml");
  });
});
