import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { articleFile, markdownFromParagraphs } from "../../src/editor/article-file.ts";
import { validateFrontmatter } from "../../src/editor/validate-article.ts";
import { renderMarkdown } from "../support/markdown.ts";

// Text that Markdown would otherwise read as formatting, HTML, links or blocks.
describe.each([
  ["# Not a heading", "<p># Not a heading</p>"],
  ["1. Not a list", "<p>1. Not a list</p>"],
  ["- Not a list", "<p>- Not a list</p>"],
  ["> Not a quote", "<p>> Not a quote</p>"],
  ["*stars* and _underscores_ and **bold**", "<p>*stars* and _underscores_ and **bold**</p>"],
  ["<script>alert(1)</script>", "<p>&#x3C;script>alert(1)&#x3C;/script></p>"],
  [
    "A [link](https://example.com) and ![img](x.png)",
    "<p>A [link](https://example.com) and ![img](x.png)</p>",
  ],
  ["AT&amp;T `code`", "<p>AT&#x26;amp;T `code`</p>"],
])("markdownFromParagraphs([%j])", (text, html) => {
  test("renders as the same text", async () => {
    expect((await renderMarkdown(markdownFromParagraphs([text]))).trim()).toBe(html);
  });
});

test("paragraphs are separated by a blank line", () => {
  expect(markdownFromParagraphs(["One.", "Two."])).toBe("One.\n\nTwo.\n");
});

describe("articleFile", () => {
  const frontmatter = {
    headline: 'Trump: "No" # not a comment',
    published: "2020-05-26T00:00:00-04:00",
    dateline: undefined,
    contributors: ["Kaitlan Collins", "Maegan Vazquez"],
    authors: [],
    section: "politics",
  };
  const file = articleFile(frontmatter, "Text.\n\n\n");

  test("writes the fields in order, leaving out empty ones, then the body", () => {
    expect(file).toBe(
      [
        "---",
        "headline: 'Trump: \"No\" # not a comment'",
        "published: '2020-05-26T00:00:00-04:00'",
        "contributors:",
        "  - Kaitlan Collins",
        "  - Maegan Vazquez",
        "section: politics",
        "---",
        "",
        "Text.",
        "",
      ].join("\n"),
    );
  });

  test("reads back as the same values, valid against the schema", () => {
    const yaml = /^---\n([\s\S]*?)---\n/.exec(file)?.[1] ?? "";
    const { data, issues } = validateFrontmatter(load(yaml));
    expect(issues).toBeUndefined();
    expect(data).toMatchObject({
      headline: frontmatter.headline,
      contributors: frontmatter.contributors,
    });
    expect(data?.published.toISOString()).toBe("2020-05-26T04:00:00.000Z");
  });
});
