import { describe, expect, test } from "vitest";
import { pagePath, paginate } from "../../src/lib/pagination.ts";

describe.each([
  // items, per page, expected page sizes
  [0, 20, [0]],
  [1, 20, [1]],
  [20, 20, [20]],
  [21, 20, [20, 1]],
  [45, 20, [20, 20, 5]],
])("%i items at %i a page", (count, perPage, sizes) => {
  const pages = paginate(
    Array.from({ length: count }, (_, i) => i),
    perPage,
    "/politics/",
  );
  test(`make pages of ${sizes.join(", ")}`, () => {
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.every((page) => page.total === sizes.length)).toBe(true);
  });
  test("chain prev and next at stable URLs", () => {
    expect(pages[0]?.path).toBe("/politics/");
    expect(pages[0]?.prevPath).toBeUndefined();
    expect(pages.at(-1)?.nextPath).toBeUndefined();
    pages.slice(1).forEach((page, i) => {
      expect(page.path).toBe(`/politics/page/${i + 2}/`);
      expect(page.prevPath).toBe(pages[i]?.path);
      expect(pages[i]?.nextPath).toBe(page.path);
    });
  });
  test("keep every item once, in order", () => {
    expect(pages.flatMap((page) => page.items)).toEqual(Array.from({ length: count }, (_, i) => i));
  });
});

test.each([
  ["/", 1, "/"],
  ["/", 2, "/page/2/"],
  ["/tags/alabama/", 3, "/tags/alabama/page/3/"],
])("pagePath(%s, %i) is %s", (base, n, expected) => {
  expect(pagePath(base, n)).toBe(expected);
});

test.each([0, -1, 1.5])("refuses %d stories a page", (perPage) => {
  expect(() => paginate([1], perPage, "/")).toThrow(RangeError);
});
