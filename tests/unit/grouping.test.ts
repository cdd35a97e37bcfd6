import { describe, expect, test } from "vitest";
import { archiveKeys, groupBy, nameKeys, sectionName } from "../../src/news/grouping.ts";

test("groupBy keeps item order within groups and first-seen order of groups", () => {
  const groups = groupBy(["b1", "a1", "b2", "c1", "a2"], (item) => [
    { key: item[0] ?? "", name: item[0]?.toUpperCase() ?? "" },
  ]);
  expect([...groups.keys()]).toEqual(["b", "a", "c"]);
  expect(groups.get("a")).toEqual({ key: "a", name: "A", items: ["a1", "a2"] });
});

test("groupBy puts an item once in each of its groups", () => {
  const groups = groupBy([{ tags: ["x", "y", "x"] }], (item) =>
    item.tags.map((key) => ({ key, name: key })),
  );
  expect(groups.get("x")?.items).toHaveLength(1);
  expect(groups.get("y")?.items).toHaveLength(1);
});

test.each([
  [["Jeff Sessions"], [{ key: "jeff-sessions", name: "Jeff Sessions" }]],
  [["Jeff Sessions", "jeff sessions"], [{ key: "jeff-sessions", name: "Jeff Sessions" }]],
  // No name is dropped (a tag of punctuation alone used to vanish), and none
  // merges with another that differs by more than case and spacing.
  [
    ["Café", "!!!"],
    [
      { key: "café", name: "Café" },
      { key: expect.stringMatching(/^--[0-9a-z]+$/), name: "!!!" },
    ],
  ],
  [
    ["C++", "C#", "c++"],
    [
      { key: expect.stringMatching(/^c--[0-9a-z]+$/), name: "C++" },
      { key: expect.stringMatching(/^c--[0-9a-z]+$/), name: "C#" },
    ],
  ],
  [
    ["José Pérez", "Jose Perez", "JOSÉ PÉREZ"],
    [
      { key: "josé-pérez", name: "José Pérez" },
      { key: "jose-perez", name: "Jose Perez" },
    ],
  ],
  [
    ["東京", "🔥"],
    [
      { key: "東京", name: "東京" },
      { key: "🔥", name: "🔥" },
    ],
  ],
])("nameKeys(%j)", (names, expected) => {
  expect(nameKeys(names)).toEqual(expected);
});

describe("archiveKeys", () => {
  test("one key per date prefix of the permalink, dated in the site's zone", () => {
    expect(archiveKeys(new Date("2021-01-06T04:30:00Z"), "America/New_York")).toEqual([
      { key: "2021", name: "2021" },
      { key: "2021/01", name: "January 2021" },
      { key: "2021/01/05", name: "January 5, 2021" },
    ]);
  });
});

test.each([
  ["politics", "Politics"],
  ["us-politics", "Us Politics"],
  ["news", "Front Section"],
])("sectionName(%s) is %s", (slug, expected) => {
  expect(
    sectionName(slug, [
      { slug: "news", name: "Front Section" },
      { slug: "politics", name: "Politics" },
    ]),
  ).toBe(expected);
});
