import { describe, expect, test } from "vitest";
import { firstParagraph, truncate } from "../../src/news/summary.ts";

describe.each([
  ["First paragraph.\n\nSecond.", "First paragraph."],
  ["## A heading\n\nThe *first* real [text](https://example.com).", "The first real text."],
  ["![photo](./a.jpg)\n\nAfter the image.", "After the image."],
  ["<div>raw</div>\n\nPlain.", "Plain."],
  ["Line one\nline two.", "Line one line two."],
  ["", ""],
])("firstParagraph(%j)", (markdown, expected) => {
  test(`is ${JSON.stringify(expected)}`, () => {
    expect(firstParagraph(markdown)).toBe(expected);
  });
});

test.each([
  ["short", 10, "short"],
  ["The quick brown fox", 12, "The quick…"],
  ["Supercalifragilistic", 8, "Superca…"],
])("truncate(%j, %i) is %j", (text, max, expected) => {
  expect(truncate(text, max)).toBe(expected);
  expect(truncate(text, max).length).toBeLessThanOrEqual(max);
});

test("quotes and dashes match the rendered article", () => {
  expect(firstParagraph(`"Yes," he said -- twice.`)).toBe("\u201cYes,\u201d he said \u2014 twice.");
});
