import { describe, expect, test } from "vitest";
import {
  fillBlock,
  picturesNeeded,
  SECTION_PATTERNS,
  sectionPatterns,
  TOP_PATTERNS,
} from "../../src/news/front-slots.ts";

/** Stories by letter, newest first; a capital letter has a picture. */
const stories = (letters: string) => [...letters];
const hasPicture = (letter: string) => letter === letter.toUpperCase();
const rows = (letters: string, patterns = TOP_PATTERNS) => {
  const block = fillBlock(stories(letters), patterns, hasPicture);
  return [block.pattern, ...block.rows.map((row) => `${row.kind}:${row.stories.join("")}`)];
};

describe.each([
  // Whatever the mix of stories with and without pictures, a picture slot
  // holds a picture, and the pattern is the one the pictures fit.
  ["ABCDefgh", ["four-pictures", "picture:ABCD", "text:efgh"]],
  ["aBcDeFgHij", ["four-pictures", "picture:BDFH", "text:aceg"]],
  ["abCdeFghij", ["two-pictures", "picture:CF", "text:abde"]],
  ["abcDefg", ["one-picture", "picture:D", "text:abce"]],
  ["abcdef", ["text", "text:abcd"]],
  ["ABC", ["two-pictures", "picture:AB", "text:C"]],
  ["", ["text"]],
])("the top of a front over %j", (letters, expected) => {
  test("fills the pattern its pictures allow", () => {
    expect(rows(letters)).toEqual(expected);
  });
});

test("section blocks: four pictures across, two over headlines, one over text cards, or text", () => {
  expect(rows("ABCDef", SECTION_PATTERNS)).toEqual(["four-pictures", "picture:ABCD"]);
  expect(rows("aBcDef", SECTION_PATTERNS)).toEqual(["two-pictures", "picture:BD", "headline:acef"]);
  expect(rows("abCdef", SECTION_PATTERNS)).toEqual(["one-picture", "picture:C", "text:abd"]);
  expect(rows("abcdef", SECTION_PATTERNS)).toEqual(["text", "text:abcd"]);
});

test("neighbouring section blocks with pictures enough for either take different patterns", () => {
  const first = fillBlock(stories("ABCDEF"), sectionPatterns(0), hasPicture);
  const second = fillBlock(stories("ABCDEF"), sectionPatterns(1), hasPicture);
  expect([first.pattern, second.pattern]).toEqual(["four-pictures", "two-pictures"]);
});

test("every pattern list ends in one that needs no picture, so a block always fills", () => {
  for (const patterns of [TOP_PATTERNS, SECTION_PATTERNS, sectionPatterns(1)]) {
    expect(picturesNeeded(patterns.at(-1)!)).toBe(0);
  }
});
