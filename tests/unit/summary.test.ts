import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { describe, expect, test } from "vitest";
import { smarten } from "../../src/lib/typography.ts";
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

// Plain text is read without the parser: what the parser makes of the same
// first block, for text that only looks plain.
test.each([
  "1. A list, not a paragraph\n\nAfter.",
  "2) Also a list\n\nAfter.",
  "- Dash item\n\nAfter.",
  "+ Plus item\n\nAfter.",
  "A heading\n===\n\nAfter.",
  "A heading\n---\n\nAfter.",
  "Hard  \nbreak.",
  "    Indented code\n\nAfter.",
  " One space in, then text.",
  "Text with a trailing space \nand more.",
  "Prices rose 3.5% -- from $10 to $12 -- said O'Brien (the mayor).",
  "2020. A year that starts a line\n\nAfter.",
  "Caf\u00e9 cre\u0300me at 10\u00a0a.m.",
  "a-b +c =d e-\nf",
])("firstParagraph(%j) is the parser's first paragraph", (markdown) => {
  const parsed = markdown
    .split(/\n\s*\n/)
    .map((block) => fromMarkdown(block).children.find((node) => node.type === "paragraph"))
    .map((node) =>
      node
        ? toString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s+/g, " ").trim()
        : "",
    )
    .find((text) => text !== "");
  expect(firstParagraph(markdown)).toBe(parsed === undefined ? "" : smarten(parsed));
});
