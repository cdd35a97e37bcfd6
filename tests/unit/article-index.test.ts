import { describe, expect, test } from "vitest";
import { DuplicatePermalinkError, placeArticles } from "../../src/news/article-index.ts";

const entry = (
  id: string,
  published: string,
  extra: { section?: string; draft?: boolean } = {},
) => ({
  id,
  filePath: `content/${id}.md`,
  data: {
    published: new Date(published),
    section: extra.section ?? "politics",
    draft: extra.draft ?? false,
  },
});
const options = { timeZone: "America/New_York", includeDrafts: false };

describe("placeArticles", () => {
  test("sorts newest first and breaks ties by path", () => {
    const placed = placeArticles(
      [
        entry("b", "2020-05-26T10:00:00-04:00"),
        entry("old", "2019-01-01T10:00:00-05:00"),
        entry("a", "2020-05-26T10:00:00-04:00"),
        entry("new", "2021-01-01T10:00:00-05:00"),
      ],
      options,
    );
    expect(placed.map((p) => p.slug)).toEqual(["new", "a", "b", "old"]);
    expect(placed[0]?.path).toBe("/2021/01/01/politics/new/");
  });

  test("leaves drafts out unless asked", () => {
    const entries = [
      entry("draft", "2020-05-26T10:00:00-04:00", { draft: true }),
      entry("live", "2020-05-26T10:00:00-04:00"),
    ];
    expect(placeArticles(entries, options).map((p) => p.slug)).toEqual(["live"]);
    expect(placeArticles(entries, { ...options, includeDrafts: true })).toHaveLength(2);
  });

  test("refuses two articles with the same permalink, naming both files", () => {
    const entries = [
      entry("2020/story", "2020-05-26T08:00:00-04:00"),
      entry("archive/story", "2020-05-26T20:00:00-04:00"),
    ];
    expect(() => placeArticles(entries, options)).toThrow(DuplicatePermalinkError);
    expect(() => placeArticles(entries, options)).toThrow(
      /\/2020\/05\/26\/politics\/story\/: content\/2020\/story\.md and content\/archive\/story\.md/,
    );
  });

  test("the same file name on other days or in other sections is fine", () => {
    const entries = [
      entry("a/story", "2020-05-26T08:00:00-04:00"),
      entry("b/story", "2020-05-27T08:00:00-04:00"),
      entry("c/story", "2020-05-26T08:00:00-04:00", { section: "world" }),
    ];
    expect(placeArticles(entries, options)).toHaveLength(3);
  });
});
