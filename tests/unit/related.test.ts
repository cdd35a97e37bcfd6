import { describe, expect, test } from "vitest";
import { relatedStories, significantWords, type RelatedInput } from "../../src/news/related.ts";

const story = (section: string, tags: string[], text: string): RelatedInput => ({
  section,
  tags,
  text,
});

test("significantWords drops short words and stopwords", () => {
  expect([
    ...significantWords("Jeff Sessions says his recusal was an attempt to help Trump"),
  ]).toEqual(["jeff", "sessions", "recusal", "attempt", "help", "trump"]);
});

describe("relatedStories", () => {
  // Newest first, as the site sorts them.
  const items = [
    story("politics", ["alabama"], "Alabama runoff turnout"), // 0
    story("sport", [], "Football scores"), // 1
    story("politics", ["sessions", "alabama"], "Sessions recusal defended"), // 2
    story("world", ["sessions"], "Sessions interview abroad"), // 3
    story("politics", [], "Budget vote"), // 4
    story("politics", ["sessions"], "Sessions recusal history"), // 5
  ];
  const related = relatedStories(items);

  test.each([
    // shared tags and words outrank the same section; ties go to the newer story
    [2, [5, 0, 3, 4]],
    [5, [2, 3, 0, 4]],
    // nothing shared: the newest stories of the section fill in
    [4, [0, 2, 5]],
    // alone in its section and sharing nothing: no filler from elsewhere
    [1, []],
  ])("for story %i: %j", (index, expected) => {
    expect(related[index]).toEqual(expected);
  });

  test("never the story itself, never more than four", () => {
    related.forEach((list, index) => {
      expect(list).not.toContain(index);
      expect(list.length).toBeLessThanOrEqual(4);
    });
  });

  test("the same input gives the same answer", () => {
    expect(relatedStories(items)).toEqual(related);
  });

  test("a tag shared by too many stories tells nothing", () => {
    const crowd = Array.from({ length: 6 }, (_, i) =>
      story(`s${i}`, ["everything"], `unique${i}word`),
    );
    expect(relatedStories(crowd, { maxPosting: 5 })).toEqual(crowd.map(() => []));
    expect(relatedStories(crowd, { maxPosting: 10 })[0]).toEqual([1, 2, 3, 4]);
  });

  test("scales without comparing every pair", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      story(`s${i % 10}`, [`t${i % 200}`], `word${i % 300} other${i % 77}`),
    );
    const result = relatedStories(many);
    expect(result).toHaveLength(5000);
    expect(result.every((list) => list.length === 4)).toBe(true);
  });
});
