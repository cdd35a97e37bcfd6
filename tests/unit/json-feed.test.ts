import { expect, test } from "vitest";
import { jsonFeedProblems } from "../support/json-feed.ts";

const valid = {
  version: "https://jsonfeed.org/version/1.1",
  title: "Dateline",
  home_page_url: "https://x.example/",
  feed_url: "https://x.example/feed.json",
  authors: [{ name: "Dateline" }],
  items: [
    {
      id: "https://x.example/a/",
      url: "https://x.example/a/",
      content_html: "<p>A</p>",
      date_published: "2020-05-26T00:00:00-04:00",
      tags: ["Politics"],
      authors: [{ name: "Ann", url: "https://x.example/people/ann/" }],
    },
  ],
};

test("a valid feed has no problems", () => {
  expect(jsonFeedProblems(valid)).toEqual([]);
  expect(jsonFeedProblems({ ...valid, items: [] })).toEqual([]);
});

test.each([
  ["no version", { ...valid, version: undefined }, "version: expected"],
  ["JSON Feed 1.0", { ...valid, version: "https://jsonfeed.org/version/1" }, "version: expected"],
  ["no title", { ...valid, title: "" }, "title: expected a non-empty string"],
  ["no items", { ...valid, items: undefined }, "items: expected an array"],
  [
    "a relative feed_url",
    { ...valid, feed_url: "/feed.json" },
    "feed_url: expected an absolute URL",
  ],
  ["an item without id", { ...valid, items: [{ content_html: "x" }] }, "items[0].id"],
  ["an item without content", { ...valid, items: [{ id: "a" }] }, "content_html or content_text"],
  ["two items with one id", { ...valid, items: [valid.items[0], valid.items[0]] }, "items[1].id"],
  [
    "a date without offset",
    { ...valid, items: [{ ...valid.items[0], date_published: "2020-05-26 00:00" }] },
    "items[0].date_published: expected an RFC 3339 date",
  ],
  ["an empty author", { ...valid, authors: [{}] }, "authors[0]: expected an object"],
  [
    "a relative author URL",
    { ...valid, items: [{ ...valid.items[0], authors: [{ name: "A", url: "/people/a/" }] }] },
    "items[0].authors[0].url: expected an absolute URL",
  ],
])("a feed with %s is refused", (_name, feed, problem) => {
  expect(jsonFeedProblems(feed).join("\n")).toContain(problem);
});
