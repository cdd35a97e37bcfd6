import { describe, expect, test } from "vitest";
import { smarten } from "../../src/lib/typography.ts";
import { renderMarkdown } from "../support/markdown.ts";

describe.each([
  ['"Quoted," he said.', "\u201cQuoted,\u201d he said."],
  ["Don't stop", "Don\u2019t stop"],
  ["Sessions' recusal", "Sessions\u2019 recusal"],
  ["in the '90s", "in the \u201990s"],
  ["He said 'no.'", "He said \u2018no.\u2019"],
  ["\"He said 'no,'\" she wrote.", "\u201cHe said \u2018no,\u2019\u201d she wrote."],
  ["goes in -- he was", "goes in \u2014 he was"],
  ['("aside")', "(\u201caside\u201d)"],
  ["Kislyak ... everyone", "Kislyak \u2026 everyone"],
  ["5-4 ruling", "5-4 ruling"],
])("smarten(%j)", (input, expected) => {
  test(`is ${JSON.stringify(expected)}`, () => {
    expect(smarten(input)).toBe(expected);
  });
});

describe("in the pipeline", () => {
  test("quotes around inline formatting open and close correctly", async () => {
    expect(await renderMarkdown('"*Fox and Friends*"')).toBe(
      "<p>\u201c<em>Fox and Friends</em>\u201d</p>",
    );
  });

  test("code keeps its straight quotes", async () => {
    expect(await renderMarkdown('Run `echo "hi"` now.')).toBe(
      '<p>Run <code>echo "hi"</code> now.</p>',
    );
  });

  test("each paragraph starts afresh", async () => {
    expect(await renderMarkdown('He said.\n\n"New quote"')).toContain(
      "<p>\u201cNew quote\u201d</p>",
    );
  });
});
