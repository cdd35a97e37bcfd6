import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { describe, expect, test } from "vitest";
import { markdownOptionsFor } from "../../src/markdown/plugins.ts";
import { underBase } from "../../src/markdown/rehype-base-links.ts";
import { renderMarkdown } from "../support/markdown.ts";

describe.each([
  ["/2020/05/26/politics/x/", "/news/2020/05/26/politics/x/"],
  ["/news/", "/news/news/"], // the News section, not the base
  ["/maps/storm.png", "/news/maps/storm.png"],
  ["./storm.png", "./storm.png"],
  ["#update-1", "#update-1"],
  ["//cdn.example/x.png", "//cdn.example/x.png"],
  ["https://example.com/a/", "https://example.com/a/"],
  ["mailto:desk@example.com", "mailto:desk@example.com"],
])("underBase(%j, '/news/')", (url, expected) => {
  test(`is ${expected}`, () => {
    expect(underBase(url, "/news/")).toBe(expected);
    expect(underBase(url, "/news")).toBe(expected);
  });
});

describe("the pipeline under a base path", () => {
  const render = async (markdown: string, base: string) => {
    const processor = await createMarkdownProcessor({
      ...markdownOptionsFor({ base, timeZone: "America/New_York", shortName: "Dateline" }),
      syntaxHighlight: false,
    });
    return (await processor.render(markdown, { frontmatter: {} })).code;
  };

  test("prefixes the site paths editors write in Markdown and in raw HTML", async () => {
    const html = await render(
      [
        "See [the earlier story](/2020/05/26/politics/x/) and [elsewhere](https://example.com/).",
        "",
        '<a href="/politics/">Politics</a> <img src="/maps/storm.png" alt="Map">',
      ].join("\n"),
      "/news/",
    );
    expect(html).toContain('<a href="/news/2020/05/26/politics/x/">the earlier story</a>');
    expect(html).toContain('<a href="https://example.com/">elsewhere</a>');
    expect(html).toContain('<a href="/news/politics/">Politics</a>');
    expect(html).toContain('<img src="/news/maps/storm.png" alt="Map">');
  });

  test("changes nothing at the root", async () => {
    expect(await renderMarkdown("[x](/2020/05/26/politics/x/)")).toBe(
      '<p><a href="/2020/05/26/politics/x/">x</a></p>',
    );
  });
});
