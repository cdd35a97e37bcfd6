import { describe, expect, test } from "vitest";
import {
  MIN_SCORE,
  relatedStories,
  significantWords,
  WEIGHTS,
  type RelatedInput,
} from "../../src/news/related.ts";

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
    [2, "related", [5, 0, 3]],
    [5, "related", [2, 3]],
    [0, "related", [2]],
    // related stories are never padded with unrelated ones
    [3, "related", [2, 5]],
    // nothing shared: the newest stories of the section, as such
    [4, "section", [0, 2, 5]],
    // alone in its section and sharing nothing: nothing from elsewhere
    [1, "section", []],
  ])("for story %i: %s %j", (index, kind, expected) => {
    expect(related[index]).toEqual({ kind, items: expected });
  });

  test("never the story itself, never more than four", () => {
    related.forEach((pick, index) => {
      expect(pick.items).not.toContain(index);
      expect(pick.items.length).toBeLessThanOrEqual(4);
    });
  });

  test("the same input gives the same answer", () => {
    expect(relatedStories(items)).toEqual(related);
  });

  test("one shared word in the same section is not enough to be related", () => {
    const pair = [
      story("politics", [], "Budget passes Senate"),
      story("politics", [], "Senate confirms judge"),
      story("sport", [], "Cup final tonight"),
      story("sport", [], "Marathon record falls"),
    ];
    expect(relatedStories(pair)[0]).toEqual({ kind: "section", items: [1] });
    expect(MIN_SCORE).toBeGreaterThan(WEIGHTS.word + WEIGHTS.section);
  });

  test("a word in more than half the stories tells nothing", () => {
    const series = [
      story("a", [], "Fixture harbour reopens storm"),
      story("b", [], "Fixture markets close quiet"),
      story("c", [], "Fixture storm harbour damage"),
      story("d", [], "Fixture senate runoff turnout"),
    ];
    const picks = relatedStories(series);
    // "fixture" is everywhere and counts for nothing: two words are too few…
    expect(picks[0]).toEqual({ kind: "section", items: [] });
    // …three make a pair.
    const withThird = series.map((item, i) =>
      i === 2 ? story("c", [], "Fixture storm harbour reopens") : item,
    );
    expect(relatedStories(withThird)[0]).toEqual({ kind: "related", items: [2] });
  });

  test("a tag shared by too many stories tells nothing", () => {
    const crowd = Array.from({ length: 6 }, (_, i) =>
      story(`s${i}`, ["everything"], `unique${i}word`),
    );
    expect(relatedStories(crowd, { maxPosting: 5 })).toEqual(
      crowd.map(() => ({ kind: "section", items: [] })),
    );
    expect(relatedStories(crowd, { maxPosting: 10 })[0]).toEqual({
      kind: "related",
      items: [1, 2, 3, 4],
    });
  });

  test("scales without comparing every pair", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      story(`s${i % 10}`, [`t${i % 200}`], `word${i % 300} other${i % 77}`),
    );
    const result = relatedStories(many);
    expect(result).toHaveLength(5000);
    expect(result.every((pick) => pick.kind === "related" && pick.items.length === 4)).toBe(true);
  });
});
