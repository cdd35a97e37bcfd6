import { describe, expect, test } from "vitest";
import { excerptWithoutTitle, sectionOfUrl } from "../../src/lib/search-excerpt.ts";

const TITLE = "Storm moves up the coast as officials urge caution";

describe.each([
  [
    "the whole headline, with a mark in it",
    "<mark>Storm</mark> moves up the coast as officials urge caution A fictional <mark>storm</mark> story.",
    "A fictional <mark>storm</mark> story.",
  ],
  [
    "the headline's tail",
    "the coast as officials urge caution The first update came at noon.",
    "The first update came at noon.",
  ],
  [
    "a mark that runs past the headline",
    "Storm moves up the coast as officials urge <mark>caution Officials</mark> said.",
    "<mark>Officials</mark> said.",
  ],
  [
    "entities in the text",
    "Storm moves up the coast as officials urge caution &quot;Stay home&quot;, they said.",
    "&quot;Stay home&quot;, they said.",
  ],
  [
    "no headline at all",
    "Residents urge <mark>caution</mark>.",
    "Residents urge <mark>caution</mark>.",
  ],
  ["one word of it only", "caution was the word.", "caution was the word."],
])("an excerpt starting with %s", (_, excerpt, expected) => {
  test("loses the headline and keeps its marks", () => {
    expect(excerptWithoutTitle(excerpt, TITLE)).toBe(expected);
  });
});

describe.each([
  ["/2021/03/01/world/storm/", "/", "world"],
  ["/news/2021/03/01/world/storm/", "/news/", "world"],
  ["https://example.com/2021/03/01/politics/x/#update", "/", "politics"],
  ["/politics/", "/", undefined],
  ["/tags/storms/", "/", undefined],
])("sectionOfUrl(%s, %s)", (url, base, section) => {
  test(`is ${section}`, () => {
    expect(sectionOfUrl(url, base)).toBe(section);
  });
});
