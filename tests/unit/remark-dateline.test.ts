import { describe, expect, test } from "vitest";
import { datelineText } from "../../src/markdown/remark-dateline.ts";
import { renderMarkdown } from "../support/markdown.ts";

test.each([
  ["Washington", "CNN", "Washington (CNN) \u2014"],
  [undefined, "CNN", "(CNN) \u2014"],
])("datelineText(%s, %s)", (place, source, expected) => {
  expect(datelineText(place, source)).toBe(expected);
});

describe("remark-dateline", () => {
  test("leads the first paragraph with place and source", async () => {
    const html = await renderMarkdown("First.\n\nSecond.", {
      dateline: "Washington",
      source: "CNN",
    });
    expect(html).toBe(
      '<p><span class="dateline">Washington (CNN) \u2014</span> First.</p>\n<p>Second.</p>',
    );
  });

  test("skips headings and images to find the first paragraph", async () => {
    const html = await renderMarkdown("## Heading\n\nText.", { dateline: "Kyiv", source: "AP" });
    expect(html).toContain('<p><span class="dateline">Kyiv (AP) \u2014</span> Text.</p>');
  });

  test("uses the site's short name when only the place is given", async () => {
    const html = await renderMarkdown("Text.", { dateline: "Paris" });
    expect(html).toContain('<span class="dateline">Paris (Dateline) \u2014</span>');
  });

  test("adds nothing without a dateline or source", async () => {
    expect(await renderMarkdown("Text.")).toBe("<p>Text.</p>");
  });

  test("frontmatter text is escaped, never markup", async () => {
    const html = await renderMarkdown("Text.", { dateline: "<img src=x onerror=alert(1)>" });
    expect(html).toContain("&#x3C;img src=x onerror=alert(1)>");
    expect(html).not.toContain("<img");
  });
});
