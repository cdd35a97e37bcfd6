import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../support/markdown.ts";

describe.each([
  ["a script element", "Text <script>alert(1)</script> more.", "<script"],
  ["a script block", "<script>\nalert(1)\n</script>", "alert"],
  ["an iframe", '<iframe src="https://evil.example"></iframe>', "<iframe"],
  ["an event handler", '<img src="a.png" onerror="alert(1)">', "onerror"],
  ["a javascript: link in HTML", '<a href="javascript:alert(1)">x</a>', "javascript:"],
  ["a javascript: link in Markdown", "[x](javascript:alert(1))", "javascript:"],
  ["a style element", "<style>body{display:none}</style>", "<style"],
  ["a style attribute", '<p style="display:none">x</p>', "style="],
  ["an object", '<object data="x.swf"></object>', "<object"],
])("raw HTML with %s", (_name, markdown, forbidden) => {
  test(`loses ${forbidden}`, async () => {
    expect((await renderMarkdown(markdown)).toLowerCase()).not.toContain(forbidden);
  });
});

describe("ordinary content survives", () => {
  test("an HTML link", async () => {
    expect(await renderMarkdown('See <a href="https://example.com/report">the report</a>.')).toBe(
      '<p>See <a href="https://example.com/report">the report</a>.</p>',
    );
  });

  test("Markdown links, emphasis and quotes", async () => {
    expect(await renderMarkdown("> *Read* [more](/2020/05/26/politics/x/).")).toBe(
      '<blockquote>\n<p><em>Read</em> <a href="/2020/05/26/politics/x/">more</a>.</p>\n</blockquote>',
    );
  });

  test("text around a removed element", async () => {
    const html = await renderMarkdown("Before <script>x()</script> after.");
    expect(html).toContain("Before");
    expect(html).toContain("after.");
  });
});
