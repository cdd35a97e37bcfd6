import { describe, expect, test } from "vitest";
import { countWords, readingMinutes } from "../../src/news/reading-time.ts";

describe.each([
  ["", 0],
  ["One two three.", 3],
  ["A [linked phrase](https://example.com/long/url) here.", 4],
  ["## Heading\n\n*Emphasis* and **strong** -- dash", 5],
  ["<b>raw</b> html", 2],
  ["Figures like 2020 and 3.5 count", 6],
  ["well-known_names|split ~ here", 5],
  ["tabs\tand\u00a0no-break\nspaces \u3000 too", 6],
  ["— – … punctuation alone is no word", 5],
  ["日本語 テキスト", 2],
])("countWords(%j)", (markdown, expected) => {
  test(`is ${expected}`, () => expect(countWords(markdown)).toBe(expected));
});

test.each([
  [0, 1],
  [100, 1],
  [230, 1],
  [400, 2],
  [631, 3],
  [2300, 10],
])("%i words take %i min", (words, minutes) => {
  expect(readingMinutes(words)).toBe(minutes);
});
