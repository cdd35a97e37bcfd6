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

test("every prefix of a permalink is an archive, dated in the site's zone", () => {
  // 11:30 p.m. in New York on January 5 is January 6 in UTC.
  for (const path of ["/2021/", "/2021/01/", "/2021/01/05/", "/2021/01/05/politics/"]) {
    expect(paths(path), path).toEqual(["/new/"]);
  }
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
