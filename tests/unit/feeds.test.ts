import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test } from "vitest";
import {
  buildAtom,
  buildJsonFeed,
  buildRss,
  FEED_BUILDERS,
  type FeedItem,
  type FeedMeta,
} from "../../src/distribution/feeds.ts";
import { absolutizeHtml, escapeXml } from "../../src/distribution/xml.ts";
import { FEED_FORMATS } from "../../src/site/routes.ts";
import { jsonFeedProblems } from "../support/json-feed.ts";

const meta: FeedMeta = {
  title: "Dateline & Co",
  description: "News <b>now</b>",
  homeUrl: "https://x.example/",
  self: { url: "https://x.example/feed", type: "application/x-test" },
  language: "en-US",
  publisher: "Dateline",
};
const item: FeedItem = {
  url: "https://x.example/2020/05/26/politics/a/",
  title: "A <headline> & ]]> </script> more",
  summary: "Summary ]]> with CDATA end",
  contentHtml: '<p>Body ]]> with <a href="https://x.example/b/">link</a></p>',
  published: new Date("2020-05-26T04:00:00Z"),
  updated: new Date("2020-05-27T04:00:00Z"),
  authors: [{ name: "Ann Author", url: "https://x.example/people/ann-author/" }],
  categories: ["Politics", "Alabama"],
};

test.each([
  ["RSS", buildRss],
  ["Atom", buildAtom],
])("%s parses back to the same item, however hostile its text", (_name, build) => {
  const feed = parseFeed(build(meta, [item]));
  expect(feed.title).toBe("Dateline & Co");
  const [parsed] = feed.items;
  expect(parsed?.title).toBe(item.title);
  expect(parsed?.description).toBe(item.summary);
  expect(parsed?.url).toBe(item.url);
  expect(parsed?.published?.toISOString()).toBe("2020-05-26T04:00:00.000Z");
  expect(parsed?.updated?.toISOString()).toBe("2020-05-27T04:00:00.000Z");
  expect(parsed?.content).toBe(item.contentHtml);
  expect(parsed?.authors.map((a) => a.name)).toEqual(["Ann Author"]);
  expect(parsed?.categories.map((c) => c.term ?? c.label)).toEqual(["Politics", "Alabama"]);
});

test.each([
  ["RSS", buildRss],
  ["Atom", buildAtom],
])("%s credits a story without a byline to its source, with no page", (_name, build) => {
  const [parsed] = parseFeed(build(meta, [{ ...item, authors: [{ name: "CNN" }] }])).items;
  expect(parsed?.authors.map((a) => [a.name, a.url])).toEqual([["CNN", null]]);
});

test("JSON Feed 1.1, the same item back", () => {
  const feed = JSON.parse(buildJsonFeed(meta, [item]));
  expect(jsonFeedProblems(feed)).toEqual([]);
  expect(feed).toMatchObject({
    version: "https://jsonfeed.org/version/1.1",
    feed_url: meta.self.url,
  });
  expect(feed.items[0]).toMatchObject({
    id: item.url,
    title: item.title,
    content_html: item.contentHtml,
    authors: item.authors,
    tags: ["Politics", "Alabama"],
  });
  expect(new Date(feed.items[0].date_published)).toEqual(item.published);
  expect(new Date(feed.items[0].date_modified)).toEqual(item.updated);
});

test.each([
  ["RSS", buildRss],
  ["Atom", buildAtom],
])("%s names itself with the registry's URL and type", (_name, build) => {
  const xml = build(meta, [item]);
  expect(parseFeed(xml).self).toBe(meta.self.url);
  // The self link's type too, whatever the order of its attributes.
  const self = [...xml.matchAll(/<(?:atom:)?link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .find((tag) => tag.includes('rel="self"'));
  expect(self).toContain(`href="${meta.self.url}"`);
  expect(self).toContain(`type="${meta.self.type}"`);
});

test("every format in the registry has a builder", () => {
  expect(Object.keys(FEED_BUILDERS).sort()).toEqual(Object.keys(FEED_FORMATS).sort());
});

test("an empty feed is still valid", () => {
  expect(parseFeed(buildAtom(meta, [])).items).toEqual([]);
  expect(parseFeed(buildRss(meta, [])).items).toEqual([]);
  expect(jsonFeedProblems(JSON.parse(buildJsonFeed(meta, [])))).toEqual([]);
});

test("escapeXml", () => {
  expect(escapeXml(`"A" & <B> 'c'\u0001`)).toBe("&quot;A&quot; &amp; &lt;B&gt; &apos;c&apos;");
});

test.each([
  ['<a href="/2020/">x</a>', '<a href="https://x.example/2020/">x</a>'],
  [
    '<img src="../i.png" srcset="/a.png 1x, /b.png 2x">',
    '<img src="https://x.example/news/i.png" srcset="https://x.example/a.png 1x, https://x.example/b.png 2x">',
  ],
  // A fragment-only link leads nowhere in a feed reader: it becomes the story's URL.
  ['<a href="#update-1">x</a>', '<a href="https://x.example/news/story/#update-1">x</a>'],
  ['<a href="mailto:a@b.example">x</a>', '<a href="mailto:a@b.example">x</a>'],
  ['<a href="/s/?a=1&amp;b=2">x</a>', '<a href="https://x.example/s/?a=1&amp;b=2">x</a>'],
])("absolutizeHtml(%j)", (html, expected) => {
  expect(absolutizeHtml(html, "https://x.example/news/story/")).toBe(expected);
});

test("RSS carries a plain-text summary as text: markup typed into it reaches readers escaped", () => {
  const summary = '<img src=x onerror="alert(1)"> and <script>alert(2)</script> & more';
  const rss = buildRss(meta, [{ ...item, summary }]);
  // A reader reads <description> as HTML: the markup must arrive as its text.
  const description =
    /<item>[\s\S]*?<description>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/description>/.exec(rss)?.[1] ??
    "";
  expect(description).not.toMatch(/<img|<script/);
  expect(description).toContain("&lt;img src=x onerror=");
  expect(parseFeed(rss).items[0]?.description).toBe(summary);
});
