import { describe, expect, test } from "vitest";
import { permalink, permalinkParams, slugFromId, withBase } from "../../src/lib/permalink.ts";

const NY = "America/New_York";

describe.each([
  ["2020-05-26T00:00:00-04:00", "politics", "x", "/2020/05/26/politics/x/"],
  // Late evening in New York is the next day in UTC; the permalink keeps the New York day.
  ["2020-05-26T23:30:00-04:00", "politics", "late", "/2020/05/26/politics/late/"],
  ["2020-12-31T23:59:00-05:00", "world", "new-year", "/2020/12/31/world/new-year/"],
])("permalink of %s in %s", (published, section, slug, expected) => {
  test(`is ${expected}`, () => {
    expect(permalink({ published: new Date(published), section, slug }, NY)).toBe(expected);
  });
});

test("permalinkParams splits the same path into route parameters", () => {
  expect(
    permalinkParams(
      { published: new Date("2020-05-26T04:00:00Z"), section: "politics", slug: "x" },
      NY,
    ),
  ).toEqual({ year: "2020", month: "05", day: "26", section: "politics", slug: "x" });
});

test.each([
  ["jeff-sessions-recusal", "jeff-sessions-recusal"],
  ["2020/jeff-sessions-recusal", "jeff-sessions-recusal"],
  ["Café Olé", "cafe-ole"],
  ["--Odd__Name--", "odd-name"],
])("slugFromId(%s) is %s", (id, expected) => {
  expect(slugFromId(id)).toBe(expected);
});

test.each([
  ["/2020/", "/", "/2020/"],
  ["/2020/", "/news/", "/news/2020/"],
  ["/2020/", "/news", "/news/2020/"],
  ["feed.xml", "/news/", "/news/feed.xml"],
])("withBase(%s, %s) is %s", (path, base, expected) => {
  expect(withBase(path, base)).toBe(expected);
});
