import { XMLParser } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import {
  chunk,
  newsUrlset,
  recentNews,
  sitemapIndex,
  urlset,
} from "../../src/distribution/sitemaps.ts";

test.each([
  [0, 3, []],
  [3, 3, [3]],
  [4, 3, [3, 1]],
  [2001, 1000, [1000, 1000, 1]],
])("chunk(%i items, %i)", (count, size, sizes) => {
  expect(
    chunk(
      Array.from({ length: count }, (_, i) => i),
      size,
    ).map((piece) => piece.length),
  ).toEqual(sizes);
});

describe("recentNews", () => {
  const now = new Date("2021-03-03T12:00:00Z");
  const story = (iso: string) => ({ published: new Date(iso) });
  test("keeps stories under two days old, newest first, and nothing after the build", () => {
    const stories = [
      story("2021-03-01T11:59:59Z"), // just over two days
      story("2021-03-01T12:00:00Z"), // exactly two days: it leaves the sitemap now
      story("2021-03-01T12:00:01Z"), // just under two days
      story("2021-03-03T11:00:00Z"),
      story("2021-03-03T13:00:00Z"), // after the build: scheduled, not news yet
    ];
    expect(recentNews(stories, now).map((s) => s.published.toISOString())).toEqual([
      "2021-03-03T11:00:00.000Z",
      "2021-03-01T12:00:01.000Z",
    ]);
  });
});

test("urlset and sitemapIndex escape their URLs and carry lastmod", async () => {
  const lastmod = new Date("2020-05-26T04:00:00Z");
  expect(await urlset([{ loc: "https://x.example/?a=1&b=2", lastmod }])).toContain(
    "<url><loc>https://x.example/?a=1&amp;b=2</loc><lastmod>2020-05-26T04:00:00.000Z</lastmod></url>",
  );
  expect(
    await sitemapIndex([
      { loc: "https://x.example/a.xml", lastmod },
      { loc: "https://x.example/b.xml" },
    ]),
  ).toContain(
    "<sitemap><loc>https://x.example/a.xml</loc><lastmod>2020-05-26T04:00:00.000Z</lastmod></sitemap><sitemap><loc>https://x.example/b.xml</loc></sitemap>",
  );
});

test("an empty sitemap is refused, never written", async () => {
  await expect(urlset([])).rejects.toThrow(/without writing anything/);
  await expect(newsUrlset([], { name: "Dateline", language: "en" }, "UTC")).rejects.toThrow();
});

test("newsUrlset carries publication, date with offset and a hostile title as text", async () => {
  const title = "A & B </script> ]]> <b>";
  const xml = await newsUrlset(
    [{ loc: "https://x.example/a/", title, published: new Date("2021-03-02T11:00:00Z") }],
    { name: "Dateline", language: "en" },
    "America/New_York",
  );
  expect(xml).toContain(
    "<news:publication><news:name>Dateline</news:name><news:language>en</news:language></news:publication><news:publication_date>2021-03-02T06:00:00-05:00</news:publication_date>",
  );
  expect(new XMLParser().parse(xml).urlset.url["news:news"]["news:title"]).toBe(title);
});
