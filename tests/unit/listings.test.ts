import { expect, test } from "vitest";
import { buildListings, type ListableArticle } from "../../src/news/listings.ts";

const article = (
  path: string,
  published: string,
  data: Partial<ListableArticle["data"]> = {},
): ListableArticle => ({
  path,
  data: {
    published: new Date(published),
    section: "politics",
    tags: [],
    authors: [],
    contributors: [],
    ...data,
  },
});

const articles = [
  article("/new/", "2021-01-05T23:30:00-05:00", { authors: ["Ada Reporter"], tags: ["Elections"] }),
  article("/featured/", "2020-07-14T21:15:00-04:00", {
    featured: true,
    authors: ["Ada Reporter"],
    contributors: ["Ada Reporter", "Cy Helper"],
    tags: ["Elections", "Alabama"],
    section: "world",
  }),
  article("/old/", "2020-05-26T00:00:00-04:00", {
    contributors: ["Cy Helper"],
    section: "unlisted-desk",
  }),
];
const listings = buildListings(articles, {
  timeZone: "America/New_York",
  perPage: 1,
  sections: [
    { slug: "world", name: "World" },
    { slug: "politics", name: "Politics" },
  ],
});
const byPath = new Map(listings.pages.map((page) => [page.path, page]));
const paths = (path: string) => byPath.get(path)?.items.map((item) => item.article.path);

test("a featured story leads; the front page lists the rest", () => {
  expect(listings.lead?.path).toBe("/featured/");
  expect(listings.frontFirst.items.map((item) => item.article.path)).toEqual(["/new/"]);
  expect(paths("/page/2/")).toEqual(["/old/"]);
});

test("sections follow the configured order, unknown ones after, with names", () => {
  expect(listings.sections.map((s) => [s.key, s.name])).toEqual([
    ["world", "World"],
    ["politics", "Politics"],
    ["unlisted-desk", "Unlisted Desk"],
  ]);
  expect(paths("/politics/")).toEqual(["/new/"]);
});

test("tags and people are indexed alphabetically", () => {
  expect(listings.tags.map((t) => t.key)).toEqual(["alabama", "elections"]);
  expect(listings.people.map((p) => p.name)).toEqual(["Ada Reporter", "Cy Helper"]);
  expect(paths("/tags/elections/")).toEqual(["/new/"]);
  expect(paths("/tags/elections/page/2/")).toEqual(["/featured/"]);
});

test("people pages show each person's role", () => {
  const ada = listings.people.find((p) => p.key === "ada-reporter");
  expect(ada?.items.map((i) => [i.article.path, i.role])).toEqual([
    ["/new/", "Author"],
    ["/featured/", "Author and contributor"],
  ]);
  const cy = listings.people.find((p) => p.key === "cy-helper");
  expect(cy?.items.map((i) => i.role)).toEqual(["Contributor", "Contributor"]);
});

test("every date prefix of a permalink is an archive, dated in the site's zone", () => {
  // 11:30 p.m. in New York on January 5 is January 6 in UTC.
  for (const path of ["/2021/", "/2021/01/", "/2021/01/05/"]) {
    expect(paths(path), path).toEqual(["/new/"]);
  }
  // The day's section is an anchor on the day's page, not a page of its own.
  expect(byPath.has("/2021/01/05/politics/")).toBe(false);
  expect(byPath.get("/2021/01/05/")?.title).toBe("January 5, 2021");
  expect(byPath.has("/2021/01/06/")).toBe(false);
  expect(paths("/2020/")).toEqual(["/featured/"]);
  expect(paths("/2020/page/2/")).toEqual(["/old/"]);
});

test("no two listing pages share a path", () => {
  const all = listings.pages.map((page) => page.path);
  expect(new Set(all).size).toBe(all.length);
  expect(all).not.toContain("/");
});

test("a day's archive is one page, its stories by section in the newsroom's order", () => {
  const day = (path: string, time: string, section: string) =>
    article(path, `2021-01-05T${time}:00-05:00`, { section });
  const { pages } = buildListings(
    [
      day("/d/", "18:00", "unlisted-desk"),
      day("/c/", "17:00", "politics"),
      day("/b/", "16:00", "world"),
      day("/a/", "15:00", "politics"),
    ],
    {
      timeZone: "America/New_York",
      perPage: 1,
      sections: [
        { slug: "world", name: "World" },
        { slug: "politics", name: "Politics" },
      ],
    },
  );
  const dayPages = pages.filter((page) => page.basePath === "/2021/01/05/");
  expect(dayPages.map((page) => [page.path, page.total])).toEqual([["/2021/01/05/", 1]]);
  expect(dayPages[0]?.items.map((item) => item.article.path)).toEqual(["/d/", "/c/", "/b/", "/a/"]);
  expect(
    dayPages[0]?.sections?.map((group) => [
      group.key,
      group.name,
      group.items.map((item) => item.article.path),
    ]),
  ).toEqual([
    ["world", "World", ["/b/"]],
    ["politics", "Politics", ["/c/", "/a/"]],
    ["unlisted-desk", "Unlisted Desk", ["/d/"]],
  ]);
  // Months and years stay paginated.
  expect(pages.filter((page) => page.basePath === "/2021/01/").length).toBe(4);
});

test("a day's archive leads to the days before and after it that have stories", () => {
  const day = (key: string) => byPath.get(`/${key}/`)?.days;
  expect(day("2021/01/05")).toEqual({
    newer: undefined,
    older: { path: "/2020/07/14/", title: "July 14, 2020" },
  });
  expect(day("2020/07/14")).toEqual({
    newer: { path: "/2021/01/05/", title: "January 5, 2021" },
    older: { path: "/2020/05/26/", title: "May 26, 2020" },
  });
  expect(day("2020/05/26")?.older).toBeUndefined();
  // Months and years are paginated instead.
  expect(day("2021/01")).toBeUndefined();
});

test("without a featured story, the newest with a picture among the first five leads", () => {
  const { lead } = buildListings(
    [
      article("/a/", "2021-01-05T10:00:00-05:00"),
      article("/b/", "2021-01-05T09:00:00-05:00", { image: { src: "b.jpg" } }),
    ],
    { timeZone: "America/New_York", perPage: 20, sections: [] },
  );
  expect(lead?.path).toBe("/b/");
});
